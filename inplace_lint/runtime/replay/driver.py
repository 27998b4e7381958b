"""The order of attempts for one file, until every finding is decided."""
import ast
import os
import sys
import time
import types

import torch

from . import common
from .common import debug, emit, first_line
from .source import Index, contains, refs, required_params
from .run import do_run
from .attempts import EntryAttempt, MainAttempt, ModuleAttempt
from .shapes import shape_from_error
from .synth import SynthAttempt, outplace_stmt
from .host import ModuleHost, describe
from .verdict import Finding, judge, needs_trace, shape_error

PREFERRED = ("run", "main", "train", "demo", "example", "go", "test", "check", "smoke", "run_all", "training")


class _LazyDynamo(types.ModuleType):
    """Stands in for torch._dynamo until something other than ``disable`` is
    needed: optimizers wrap their methods with torch._dynamo.disable, whose
    first use imports all of dynamo (seconds); in eager mode it is the identity."""

    def disable(self, fn=None, recursive=True, wrapping=True, reason=None):
        if fn is None:
            return lambda f: f
        return fn

    def graph_break(self):
        return None

    def is_compiling(self):
        return False

    def __getattr__(self, name):
        if os.environ.get("IPL_REPLAY_DEBUG"):
            import traceback
            debug("loading torch._dynamo for %r: %s" % (name, "".join(traceback.format_stack(limit=5))))
        if sys.modules.get("torch._dynamo") is self:
            del sys.modules["torch._dynamo"]
        import importlib
        real = importlib.import_module("torch._dynamo")
        torch._dynamo = real
        return getattr(real, name)


def install_lazy_dynamo():
    if "torch._dynamo" in sys.modules:
        return
    stub = _LazyDynamo("torch._dynamo")
    sys.modules["torch._dynamo"] = stub
    torch._dynamo = stub


class Driver:
    def __init__(self, req, src):
        self.req = req
        self.src = src
        self.index = Index(self.src, common.PATH)
        self.findings = []
        self.host = None
        self.host_failed = False
        self.start_clock()

    def start_clock(self):
        """The file's time budget starts now (after its imports and the module's loading)."""
        self.deadline = time.time() + float(self.req["timeout"]) - 0.6
        self.startup_s = float(self.req.get("import_s", 0.0))

    def load_module(self, limit_s):
        """Start the module host (it loads the module: the project's own imports and
        the top level), before the budget starts, unless only module-level findings
        are to be replayed (they run the whole module themselves)."""
        kinds = {self.index.locate(int(d.get("line", 0)))[0] for d in self.req["findings"]}
        if kinds <= {"module"}:
            return
        self.host = ModuleHost(self.index, limit_s)
        if not self.host.alive:
            debug("module host failed: %s" % self.host.why)
            self.host_failed = True

    def left(self):
        return self.deadline - time.time()

    def finish(self, f):
        if f.emitted:
            return
        if f.verdict is None:
            prios = sorted(f.why_not, key=lambda x: -x[0])
            f.reason = prios[0][1] if prios else "not replayed"
            f.verdict = "undecided"
        emit(f.result())
        f.emitted = True

    def pending(self):
        return [f for f in self.findings if f.verdict is None]

    def run_attempt(self, att, fs, share, synth=False):
        """Run att plainly (and traced when needed); return ({id: Verdict}, plain run) or (None, None)."""
        left = self.left()
        if left < 0.3:
            return None, None
        t0 = time.time()
        run = self.do_run(att, trace=False, slice_s=max(0.3, left * share))
        debug("plain %s: %.2fs kind=%s %s" % (att.label, time.time() - t0, run.kind, first_line(run.msg, 80)))
        trace = None
        if any(needs_trace(f, run, synth) for f in fs) and self.left() > 0.3:
            t0 = time.time()
            trace = self.do_run(att, trace=True, slice_s=max(0.3, self.left() * share))
            debug("trace %s: %.2fs kind=%s events=%d" % (
                att.label, time.time() - t0, trace.kind, len(trace.events)))
        out = {}
        ptrs = (trace or run).input_ptrs if synth else None
        for f in fs:
            if f.verdict is None:
                out[f.id] = judge(f, run, trace, att.label, input_ptrs=ptrs)
        return out, run

    def do_run(self, att, trace, slice_s):
        """A run of att: forked from the module host when the attempt loads the
        module as the host did (the module's top level then runs once per file),
        else from the worker."""
        if describe(att) is not None and not self.host_failed:
            if self.host is None:
                self.host = ModuleHost(self.index, slice_s)
                if not self.host.alive:
                    debug("module host failed: %s" % self.host.why)
                    self.host_failed = True
            if self.host.alive:
                run = self.host.run(att, trace, slice_s)
                if run is not None:
                    return run
                self.host_failed = True
        return do_run(att, trace=trace, slice_s=slice_s)

    def close(self):
        if self.host is not None:
            self.host.close()

    def apply(self, f, v, label):
        if v.verdict is None:
            f.note(v.prio, v.reason)
            return
        extra = dict(v.extra)
        extra["strategy"] = label
        f.decide(v.verdict, v.reason, extra)
        self.finish(f)

    def attempt(self, att, fs, share=0.5):
        res, run = self.run_attempt(att, fs, share)
        if res is None:
            for f in fs:
                f.note(3, "time limit reached before %s could run" % att.label)
            return None
        for f in fs:
            if f.id in res:
                self.apply(f, res[f.id], att.label)
        return run

    def main(self):
        idx = self.index
        self.findings = [Finding(d, idx) for d in self.req["findings"]]
        where = {f.id: idx.locate(f.line) for f in self.findings}
        # 1. a finding at module level: run the module
        top = [f for f in self.findings if where[f.id][0] == "module"]
        if top:
            self.attempt(ModuleAttempt(idx), top, share=0.5)
        # 2. entry points reaching the flagged code
        entries = []
        names = list(idx.funcs)
        order = sorted(names, key=lambda n: (0, PREFERRED.index(n)) if n in PREFERRED else (
            1 if n.startswith(("test", "run", "main", "demo", "example")) else 2, names.index(n)))
        for n in order:
            node = idx.funcs[n]
            if isinstance(node, ast.AsyncFunctionDef) or required_params(node):
                continue
            if n.startswith("_") and n not in PREFERRED:
                continue
            entries.append(("func", n))
        if idx.main_block is not None:
            pos = 1 if entries and entries[0][1] in PREFERRED else 0
            entries.insert(pos, ("main", None))
        if self.req.get("entry_points") is False:
            entries = []
        tried = 0
        for how, n in entries:
            pend = self.pending()
            if not pend or tried >= 4 or self.left() < 1.0:
                break
            reach = idx.reach([n] if how == "func" else list(refs(idx.main_block)))
            fs = [f for f in pend if (how == "main" and where[f.id][0] == "main") or where[f.id][1] in reach]
            if not fs:
                continue
            tried += 1
            att = EntryAttempt(idx, n) if how == "func" else MainAttempt(idx)
            self.attempt(att, fs, share=0.5)
        # 3. synthesised calls of the enclosing function, grouped by function
        groups = {}
        for f in self.pending():
            kind, name, node = where[f.id]
            if kind == "method" and node.name == "__init__":
                # a line of __init__ (e.g. nn.ReLU(inplace=True)) matters when forward runs;
                # building self runs __init__ anyway
                fwd = [n for n in idx.classes[name].body
                       if isinstance(n, ast.FunctionDef) and n.name in ("forward", "__call__")]
                if fwd:
                    node = fwd[0]
            if kind in ("func", "method"):
                groups.setdefault((kind, name, node.lineno), (node, []))[1].append(f)
            else:
                f.note(1, "module-level code not reached")
        for (kind, name, _), (node, fs) in groups.items():
            self.synthesise(kind, name, node, fs)
        for f in self.findings:
            if f.verdict is None and self.left() < 0.5:
                f.note(3, "time limit reached (confirm-timeout %.0f s, counted after the file's imports, "
                          "which took %.1f s)" % (float(self.req["timeout"]), self.startup_s))
            self.finish(f)

    def synthesise(self, kind, owner, node, fs):
        codes = {f.expect for f in fs}
        modes = ["nonleaf"]
        if codes & {"LEAF", "VIEW"}:
            modes = ["data", "leaf", "nonleaf"]
        drop = []
        rewrites = []
        n_tries = 0
        hint = None  # an input shape named by the last shape error
        tried_hints = set()
        run = None
        for v in range(6):
            fs = [f for f in fs if f.verdict is None]
            if not fs or self.left() < 0.4 or n_tries >= 12:
                break
            votes = {f.id: [] for f in fs}
            reached = False
            stop = False
            for mode in modes:
                if self.left() < 0.4:
                    break
                att = SynthAttempt(self.index, kind, owner, node, v, mode=mode, drop=drop, rewrites=rewrites,
                                   hint=hint)
                n_tries += 1
                res, run = self.run_attempt(att, fs, share=0.35, synth=True)
                if res is None:
                    break
                # repairs (the run is then no longer the real program: it may confirm, never refute)
                for _ in range(3):
                    if run.exc_line is None or any(run.ran(f.lines) for f in fs) or self.left() < 0.4:
                        break
                    if run.kind == "OTHER" and not shape_error(run):
                        # slicing: a statement before the flagged ones failed and is not needed
                        stmt = self.droppable(node, run.exc_line, fs)
                        if stmt is None or len(drop) >= 4:
                            break
                        drop = drop + [stmt]
                    elif run.kind in ("VIEW", "LEAF"):
                        # another in-place hazard raised first: replay that statement out of place
                        stmt = self.rewritable(run.exc_line, fs)
                        if stmt is None or stmt in rewrites or len(rewrites) >= 3:
                            break
                        rewrites = rewrites + [stmt]
                    else:
                        break
                    att = SynthAttempt(self.index, kind, owner, node, v, mode=mode, drop=drop, rewrites=rewrites,
                                       hint=hint)
                    n_tries += 1
                    res2, run2 = self.run_attempt(att, fs, share=0.35, synth=True)
                    if res2 is None:
                        break
                    res, run = res2, run2
                for f in fs:
                    votes[f.id].append((res[f.id], att.label))
                if any(r.verdict is not None for r, _ in (x[-1] for x in votes.values() if x)):
                    reached = True
                if run.kind is None and any(run.ran(f.lines) for f in fs):
                    reached = True
                if run.kind in ("TIMEOUT", "MEMORY", "BUILD"):
                    stop = True  # not a matter of shapes or modes
                    break
                if all(any(r.verdict == "confirmed" for r, _ in votes[f.id]) for f in fs):
                    break
            for f in fs:
                conf = [(r, lab) for r, lab in votes[f.id] if r.verdict == "confirmed"]
                refu = [(r, lab) for r, lab in votes[f.id] if r.verdict == "refuted"]
                pick = conf[0] if conf else (refu[-1] if refu and reached else None)
                if pick is not None:
                    self.apply(f, pick[0], pick[1])
                else:
                    for r, _ in votes[f.id]:
                        f.note(r.prio, r.reason)
            if stop or reached:
                break
            hint = None
            if run is not None and shape_error(run) and run.input_shapes:
                new = shape_from_error(run.msg, run.input_shapes[0])
                if new is not None and new not in tried_hints:
                    tried_hints.add(new)
                    hint = new

    def rewritable(self, line, fs):
        """Line of the in-place statement at line (not a flagged one) that has an
        out-of-place twin, else None."""
        flagged = set().union(*(f.lines for f in fs))
        best = None
        for n in self.index.stmts:
            end = n.end_lineno or n.lineno
            if n.lineno <= line <= end and outplace_stmt(n) is not None:
                if best is None or n.lineno > best.lineno:
                    best = n
        if best is None or set(range(best.lineno, (best.end_lineno or best.lineno) + 1)) & flagged:
            return None
        return best.lineno

    def droppable(self, fn, line, fs):
        body = fn.body
        first_flag = min(min(f.lines) for f in fs)
        for i, s in enumerate(body):
            if not (s.lineno <= line <= (s.end_lineno or s.lineno)):
                continue
            if s.lineno >= first_flag or contains(s, first_flag):
                return None
            if isinstance(s, (ast.Expr, ast.Assert)):
                return s.lineno
            if isinstance(s, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = s.targets if isinstance(s, ast.Assign) else [s.target]
                names = set()
                for t in targets:
                    for n in ast.walk(t):
                        if isinstance(n, ast.Name):
                            names.add(n.id)
                later = set()
                for s2 in body[i + 1:]:
                    later |= {n.id for n in ast.walk(s2) if isinstance(n, ast.Name)}
                if names and not (names & later):
                    return s.lineno
            return None
        return None
