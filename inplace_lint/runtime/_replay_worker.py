"""Subprocess side of ``inplace_lint.runtime.replay``.

Run as a script (``python _replay_worker.py``) by :func:`replay.confirm`, never
imported by the linter.  It reads one JSON request on stdin::

    {"path": ..., "findings": [{"id", "code", "line", "column", "related"}],
     "timeout": s, "started": unix time, "memory_mb": n, "fsize_mb": n}

and writes one JSON object per finding (``{"id", "verdict", "reason", ...}``)
to the stdout it was started with, one per line, as soon as each is decided.
The user's own prints go to /dev/null.

Only the standard library and torch are used here: the worker must not depend
on the linter package (it runs the user's code with the user's ``sys.path``).

How a finding is judged
-----------------------
Attempts, cheapest and most faithful first, until every finding is decided:

1. the file's own zero-argument entry points (``run()``, ``main()``, the
   ``if __name__ == "__main__":`` block, ...) from which the flagged code is
   reachable by name; a finding at module level runs the whole module;
2. a synthesised call of the enclosing function (``self`` built from the
   real ``__init__`` with guessed arguments, inputs synthesised as tensors that
   require grad, shapes taken from the module's own layers), followed by a
   backward through the return value and every grad-requiring local; when a
   statement before the flagged one fails and is not needed, the function is
   sliced (the statement dropped, line numbers kept) and called again.

Every attempt first runs plainly (only a line tracer and a backward counter
are installed, so torch behaves exactly as in the user's program).  When the
plain run ends with a version-counter error, or a silent hazard must be shown
(IPL004/IPL005), the same attempt runs again in *trace mode*: a
TorchDispatchMode records every op that writes a tensor (with the user-file
lines on the stack) and saved-tensor hooks record every tensor saved for
backward; a write to a saved tensor's storage between its pack and its unpack
names the culprit line (the same test autograd makes, extended to writes that
bypass the version counter such as ``.data``).
"""
import ast
import builtins
import copy
import gc
import json
import os
import re
import resource
import signal
import sys
import time
import types

RESULT_FD = None
HARNESS_FILE = "<ipl-replay-harness>"
DATA_ASSIGN_LINES = set()
PATH = None
STATE = None
torch = None

VC_MSG = "one of the variables needed for gradient computation has been modified by an inplace operation"
LEAF_MSG = "a leaf Variable that requires grad is being used in an in-place operation"
VIEW_MSGS = (
    "a view of a leaf Variable that requires grad",
    "is a view and is being modified inplace",
    "is a view and its base or another view of its base has been modified inplace",
    "A view was created in no_grad mode",
    "A view was created in inference mode",
)
OUT_MSG = "arguments don't support automatic differentiation"
MEM_MSGS = ("can't allocate memory", "not enough memory", "DefaultCPUAllocator", "Cannot allocate memory",
            "out of memory")

EXPECT = {"IPL001": "VC", "IPL002": "LEAF", "IPL003": "VIEW", "IPL004": "SILENT", "IPL005": "HOOK",
          "IPL006": "OUT"}
RAISE_AT_OP = {"LEAF", "VIEW", "OUT"}
KIND_TEXT = {
    "VC": "version-counter error at backward",
    "LEAF": "in-place on a leaf that requires grad",
    "VIEW": "forbidden in-place on a view",
    "OUT": "out= on inputs that require grad",
    "SILENT": "write to a saved tensor that bypasses the version counter (silently wrong gradients)",
    "HOOK": "saved tensor mutated under saved_tensors_hooks (silently wrong gradients)",
    "SWAP": "data of a saved tensor replaced through .data (silently wrong gradients)",
}


class ReplayTimeout(BaseException):
    """Raised by the alarm when an attempt runs past its time slice."""


class BuildFailed(Exception):
    """Inputs or ``self`` could not be built."""


def emit(obj):
    data = (json.dumps(obj) + "\n").encode("utf-8", "replace")
    while data:
        n = os.write(RESULT_FD, data)
        data = data[n:]


def debug(msg):
    if os.environ.get("IPL_REPLAY_DEBUG"):
        sys.stderr.write("[replay %.2f] %s\n" % (time.time(), msg))
        sys.stderr.flush()


def first_line(s, limit=300):
    s = str(s).strip().splitlines()[0] if str(s).strip() else ""
    return s[:limit]


# --------------------------------------------------------------------------
# sandbox
# --------------------------------------------------------------------------

def sandbox_begin(req):
    """Before torch: private result fd, user stdout to /dev/null, limits, no network."""
    global RESULT_FD
    RESULT_FD = os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 1)
    os.dup2(devnull, 0)
    fsize = int(req.get("fsize_mb", 64)) * 1024 * 1024
    for lim, val in ((resource.RLIMIT_FSIZE, fsize), (resource.RLIMIT_CORE, 0)):
        try:
            resource.setrlimit(lim, (val, val))
        except (ValueError, OSError):
            pass
    try:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # over-size writes fail with EFBIG instead
    except (AttributeError, OSError, ValueError):
        pass
    if req.get("network", False) is False:
        try:
            if hasattr(os, "unshare"):
                os.unshare(os.CLONE_NEWNET)
            elif sys.platform.startswith("linux") and os.geteuid() == 0:
                import ctypes
                ctypes.CDLL(None, use_errno=True).unshare(0x40000000)  # CLONE_NEWNET
        except Exception:  # noqa: BLE001 - not allowed here: go on without
            pass


def _vm_bytes():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def sandbox_memory(memory_mb):
    """After torch is imported: the address space may grow by memory_mb more."""
    try:
        limit = _vm_bytes() + int(memory_mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass


_armed = False


def _on_alarm(signum, frame):
    if _armed:
        raise ReplayTimeout()


def call_limited(fn, seconds):
    global _armed
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, max(0.05, seconds), 0.25)  # repeats if the user swallows it
    try:
        return fn()
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)


# --------------------------------------------------------------------------
# stubs for modules that are not installed
# --------------------------------------------------------------------------

def _is_dunder(name):
    return name.startswith("__") and name.endswith("__")


class _StubMeta(type):
    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        STATE.stub_used = True
        return _new_stub(cls.__name__ + "." + name)

    def __call__(cls, *a, **k):
        STATE.stub_used = True
        if len(a) == 1 and not k and isinstance(a[0], (types.FunctionType, type)):
            return a[0]  # used as a decorator: keep the decorated object
        return type.__call__(cls, *a, **k)


class _StubBase(metaclass=_StubMeta):
    def __init__(self, *a, **k):
        pass

    def __getattr__(self, name):
        if _is_dunder(name):
            raise AttributeError(name)
        return _new_stub(type(self).__name__ + "." + name)()

    def __call__(self, *a, **k):
        if len(a) == 1 and not k and isinstance(a[0], (types.FunctionType, type)):
            return a[0]
        return _new_stub(type(self).__name__ + "()")()

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __bool__(self):
        return False

    def __getitem__(self, k):
        return _new_stub(type(self).__name__ + "[]")()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def _same(self, *a, **k):
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _same
    __matmul__ = __rmatmul__ = __neg__ = __pow__ = _same


def _new_stub(name):
    return _StubMeta(str(name), (_StubBase,), {"__module__": "ipl_stub"})


class _StubModule(types.ModuleType):
    __path__ = []  # a package: submodules of a stub are stubs too

    def __getattr__(self, name):
        if _is_dunder(name):
            raise AttributeError(name)
        return _new_stub(self.__name__ + "." + name)


def install_stub(name):
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        sub = ".".join(parts[:i])
        if sub not in sys.modules:
            m = _StubModule(sub)
            m.__ipl_stub__ = True
            sys.modules[sub] = m
            if i > 1:
                try:
                    setattr(sys.modules[".".join(parts[:i - 1])], parts[i - 1], m)
                except Exception:  # noqa: BLE001
                    pass
    STATE.stubbed.add(parts[0])


# --------------------------------------------------------------------------
# the source file
# --------------------------------------------------------------------------

def is_main_guard(node):
    if not isinstance(node, ast.If):
        return False
    t = node.test
    if isinstance(t, ast.Compare) and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq):
        sides = [t.left] + list(t.comparators)
        names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
        consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
        return bool(names and consts)
    return False


def node_start(node):
    decs = getattr(node, "decorator_list", None) or []
    return min([node.lineno] + [d.lineno for d in decs])


def contains(node, line):
    return node_start(node) <= line <= (getattr(node, "end_lineno", None) or node.lineno)


def refs(node):
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            out.add(n.id)
        elif isinstance(n, ast.Attribute):
            out.add(n.attr)
    return out


def required_params(fn):
    a = fn.args
    pos = list(a.posonlyargs) + list(a.args)
    n_req = len(pos) - len(a.defaults)
    req = [p.arg for p in pos[:n_req]]
    req += [k.arg for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
    return req


class Index:
    """What the runner needs to know about the file, from its AST."""

    def __init__(self, src, path):
        self.src = src
        self.tree = ast.parse(src, path)
        self.flags = 0
        import __future__
        for node in self.tree.body:
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                for a in node.names:
                    feat = getattr(__future__, a.name, None)
                    if feat is not None:
                        self.flags |= feat.compiler_flag
        self.funcs = {}
        self.classes = {}
        self.main_block = None
        for node in self.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.funcs[node.name] = node
            elif isinstance(node, ast.ClassDef):
                self.classes[node.name] = node
            elif is_main_guard(node):
                self.main_block = node
        self.graph = {}
        for name, node in list(self.funcs.items()) + list(self.classes.items()):
            self.graph[name] = refs(node) & (set(self.funcs) | set(self.classes))
        self.stmts = [n for n in ast.walk(self.tree) if isinstance(n, ast.stmt)]
        global DATA_ASSIGN_LINES
        DATA_ASSIGN_LINES = set()
        for n in self.stmts:  # `x.data = ...`: the only way to swap a saved tensor's memory
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr == "data"
                                                 for t in n.targets):
                DATA_ASSIGN_LINES.update(range(n.lineno, (n.end_lineno or n.lineno) + 1))

    def compile(self, node, mode="exec"):
        if isinstance(node, list):
            node = ast.Module(body=node, type_ignores=[])
        elif isinstance(node, ast.stmt):
            node = ast.Module(body=[node], type_ignores=[])
        return compile(node, PATH, mode, flags=self.flags, dont_inherit=True)

    def compile_expr(self, expr):
        """An expression the harness evaluates (a constructor argument seen at a call
        site, a default value, a consumer such as ``self.mlp``) is compiled under
        another file name: the line tracer must not count its line as run by the
        user's code (it did not run in the replayed control flow)."""
        return compile(ast.Expression(expr), HARNESS_FILE, "eval", flags=self.flags, dont_inherit=True)

    def reach(self, roots):
        seen, todo = set(), list(roots)
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            todo.extend(self.graph.get(n, ()))
        return seen

    def locate(self, line):
        """(kind, top-level name, method node or None) of the code that holds line."""
        for node in self.tree.body:
            if not contains(node, line):
                continue
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return "func", node.name, node
            if isinstance(node, ast.ClassDef):
                for sub in node.body:
                    if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)) and contains(sub, line):
                        return "method", node.name, sub
                return "module", node.name, None
            if is_main_guard(node):
                return "main", None, None
            return "module", None, None
        return "module", None, None

    def stmt_lines(self, line):
        """Lines of the (header of the) innermost statement that holds line."""
        best = None
        for n in self.stmts:
            end = getattr(n, "end_lineno", None) or n.lineno
            if n.lineno <= line <= end:
                if best is None or (end - n.lineno) < ((best.end_lineno or best.lineno) - best.lineno):
                    best = n
        if best is None:
            return {line}
        end = best.end_lineno or best.lineno
        body = getattr(best, "body", None)
        if isinstance(body, list) and body:
            end = min(end, body[0].lineno - 1)
            if line > end:
                return {line}
        return set(range(best.lineno, max(end, best.lineno) + 1))


# --------------------------------------------------------------------------
# run state, tracer, trace mode
# --------------------------------------------------------------------------

class State:
    def __init__(self):
        self.stubbed = set()
        self.reset()

    def reset(self):
        self.stub_used = False
        self.bw_started = 0
        self.bw_done = []
        self.seq = 0
        self.tracing = False
        self.saved = []
        self.writes = {}  # storage ptr -> [(seq, lines)]
        self.user_packed = {}
        self.line_seqs = {}
        self.graph_writes = []  # (seq, lines, ptrs, any tensor argument requires grad)
        self.grad_ptrs = set()  # storage of tensors that require grad
        self.modified = []  # how this run departs from the real program (skipped statements, ...)


def ptr_of(t):
    try:
        p = t.untyped_storage().data_ptr()
        return p or None
    except Exception:  # noqa: BLE001
        return None


def _module_line(frame):
    co = frame.f_code
    if co.co_name in ("_call_impl", "forward", "_wrapped_call_impl") and "torch" in co.co_filename:
        try:
            m = frame.f_locals.get("self")
        except Exception:  # noqa: BLE001
            return None
        return getattr(m, "_ipl_line", None) if m is not None else None
    return None


def stack_lines(frame):
    """User-file lines on the stack, innermost first, plus the creation lines of
    the nn.Modules whose forward is running."""
    out = []
    while frame is not None:
        if frame.f_code.co_filename == PATH:
            out.append(frame.f_lineno)
        else:
            ml = _module_line(frame)
            if ml is not None:
                out.append(ml)
        frame = frame.f_back
    return out


class Tracer:
    def __init__(self, capture=None):
        self.lines_first = {}
        self.capture = capture  # (name, first line, def line) of the frame whose locals we keep
        self.captured = None

    def global_trace(self, frame, event, arg):
        if frame.f_code.co_filename == PATH:
            return self.local
        return None

    def local(self, frame, event, arg):
        if event == "line":
            ln = frame.f_lineno
            if ln not in self.lines_first:
                self.lines_first[ln] = STATE.bw_started
            if STATE.tracing:
                lst = STATE.line_seqs.setdefault(ln, [])
                if len(lst) < 5000:
                    lst.append(STATE.seq)
        elif event == "return" and self.capture is not None:
            co = frame.f_code
            name, lo, hi = self.capture
            if co.co_name == name and lo <= co.co_firstlineno <= hi:
                try:
                    self.captured = dict(frame.f_locals)
                except Exception:  # noqa: BLE001
                    pass
        return self.local


class Patches:
    """Installed once: module creation lines, backward counting."""

    def __init__(self):
        nn = torch.nn
        orig_init = nn.Module.__init__

        def module_init(self, *a, **k):
            orig_init(self, *a, **k)
            try:
                f = sys._getframe(1)
                while f is not None and f.f_code.co_filename != PATH:
                    f = f.f_back
                if f is not None:
                    object.__setattr__(self, "_ipl_line", f.f_lineno)
            except Exception:  # noqa: BLE001
                pass

        module_init.__wrapped__ = orig_init
        nn.Module.__init__ = module_init

        orig_backward = torch.autograd.backward
        orig_grad = torch.autograd.grad

        def backward(*a, **k):
            idx = STATE.bw_started
            STATE.bw_started += 1
            r = orig_backward(*a, **k)
            STATE.bw_done.append(idx)
            return r

        def grad(*a, **k):
            idx = STATE.bw_started
            STATE.bw_started += 1
            r = orig_grad(*a, **k)
            STATE.bw_done.append(idx)
            return r

        backward.__wrapped__ = orig_backward
        grad.__wrapped__ = orig_grad
        torch.autograd.backward = backward
        torch.autograd.grad = grad
        self.orig_backward = orig_backward


class SavedRec:
    __slots__ = ("t", "ver", "ptr", "seq", "lines", "user", "shares", "unpacks", "packed")

    def __init__(self, t, seq, lines, user=False, shares=True):
        self.t = t
        self.ver = t._version
        self.ptr = ptr_of(t)
        self.seq = seq
        self.lines = lines
        self.user = user
        self.shares = shares
        self.unpacks = []
        self.packed = None


def _any_requires_grad(args, kwargs):
    try:
        for v in list(args) + list(kwargs.values()):
            for t in (v if isinstance(v, (list, tuple)) else (v,)):
                if isinstance(t, torch.Tensor) and t.requires_grad:
                    return True
    except Exception:  # noqa: BLE001
        pass
    return False


def _note_grad_ptrs(args, kwargs):
    """Storage of every tensor that requires grad and goes through an op (trace runs)."""
    if len(STATE.grad_ptrs) > 200000:
        return
    try:
        for v in list(args) + list(kwargs.values()):
            for t in (v if isinstance(v, (list, tuple)) else (v,)):
                if isinstance(t, torch.Tensor) and t.requires_grad:
                    p = ptr_of(t)
                    if p:
                        STATE.grad_ptrs.add(p)
    except Exception:  # noqa: BLE001
        pass


def in_graph(trace, L):
    """Did the flagged lines write a tensor that autograd tracks, in the trace run:
    a tensor that requires grad, the storage of one (``p.data``), or storage that
    autograd saved for a backward that then read it?  None when the lines wrote no
    tensor at all."""
    hits = [(seq, ptrs, rg) for seq, lines, ptrs, rg in trace.graph_writes if L & set(lines)]
    if not hits:
        return None
    if any(rg for _, _, rg in hits):
        return True
    written = {p for _, ptrs, _ in hits for p in ptrs}
    if written & trace.grad_ptrs:
        return True
    return any(sptr in written and unpacked for sptr, _, unpacked in trace.saved_ptrs)


def _tensor_ptrs(v, out):
    if isinstance(v, torch.Tensor):
        p = ptr_of(v)
        if p:
            out.append(p)
    elif isinstance(v, (list, tuple)):
        for x in v:
            _tensor_ptrs(x, out)
    return out


class TraceMode:
    """Dispatch recorder + saved-tensor hooks (see the module docstring)."""

    def __init__(self):
        from torch.utils._python_dispatch import TorchDispatchMode
        graph = torch.autograd.graph
        self.graph = graph
        self.orig_hooks_init = graph.saved_tensors_hooks.__init__

        class Recorder(TorchDispatchMode):
            def __torch_dispatch__(self, func, types_, args=(), kwargs=None):
                kwargs = kwargs or {}
                written = []
                try:
                    for i, a in enumerate(func._schema.arguments):
                        ai = a.alias_info
                        if ai is None or not ai.is_write:
                            continue
                        v = kwargs.get(a.name) if (a.kwarg_only or i >= len(args)) else args[i]
                        _tensor_ptrs(v, written)
                except Exception:  # noqa: BLE001
                    written = []
                _note_grad_ptrs(args, kwargs)
                if written:
                    STATE.seq += 1
                    lines = stack_lines(sys._getframe(1))
                    for p in written:
                        STATE.writes.setdefault(p, []).append((STATE.seq, lines))
                    if len(STATE.graph_writes) < 20000:
                        STATE.graph_writes.append((STATE.seq, lines, written, _any_requires_grad(args, kwargs)))
                return func(*args, **kwargs)

        self.Recorder = Recorder

    def pack(self, t):
        STATE.seq += 1
        rec = SavedRec(t, STATE.seq, stack_lines(sys._getframe(1)))
        STATE.saved.append(rec)
        return rec

    def unpack(self, rec):
        STATE.seq += 1
        rec.unpacks.append((STATE.seq, rec.t._version, ptr_of(rec.t)))
        return rec.t

    def __enter__(self):
        STATE.tracing = True
        orig = self.orig_hooks_init

        def hooks_init(hself, pack_hook, unpack_hook):
            def p(t):
                STATE.seq += 1
                seq = STATE.seq
                packed = pack_hook(t)
                tp = ptr_of(t)
                shares = packed is t or (tp is not None and tp in _tensor_ptrs(packed, []))
                rec = SavedRec(t, seq, stack_lines(sys._getframe(1)), user=True, shares=shares)
                rec.packed = packed
                STATE.saved.append(rec)
                STATE.user_packed[id(packed)] = rec
                return packed

            def u(packed):
                rec = STATE.user_packed.get(id(packed))
                if rec is not None:
                    STATE.seq += 1
                    rec.unpacks.append((STATE.seq, rec.t._version, ptr_of(rec.t)))
                return unpack_hook(packed)

            orig(hself, p, u)

        self.ours = self.graph.saved_tensors_hooks(self.pack, self.unpack)
        self.graph.saved_tensors_hooks.__init__ = hooks_init
        self.ours.__enter__()
        self.rec = self.Recorder()
        self.rec.__enter__()
        return self

    def __exit__(self, *exc):
        try:
            self.rec.__exit__(None, None, None)
        finally:
            try:
                self.ours.__exit__(None, None, None)
            finally:
                self.graph.saved_tensors_hooks.__init__ = self.orig_hooks_init
                STATE.tracing = False
        return False


def culprits():
    """Hazard events found by trace mode: (kind, write lines (all frames), mutation line, save line)."""
    events = []
    for rec in STATE.saved:
        if rec.ptr is None or not rec.unpacks:
            continue
        writes = STATE.writes.get(rec.ptr, ())
        for useq, uver, uptr in rec.unpacks:
            ws = [(s, lines) for s, lines in writes if rec.seq < s < useq]
            save_line = rec.lines[0] if rec.lines else None
            if rec.user:
                if rec.shares and ws:
                    for _, lines in ws:
                        events.append(("HOOK", set(lines), lines[0] if lines else None, save_line))
                continue
            if uptr is not None and uptr != rec.ptr:
                lines = set()
                for ln, seqs in STATE.line_seqs.items():
                    if ln in DATA_ASSIGN_LINES and any(rec.seq < s <= useq for s in seqs):
                        lines.add(ln)
                events.append(("SWAP", lines, min(lines) if lines else None, save_line))
                continue
            kind = "VC" if uver != rec.ver else "SILENT"
            for _, lines in ws:
                events.append((kind, set(lines), lines[0] if lines else None, save_line))
            break  # one unpack with the same writes says it all
    return events


# --------------------------------------------------------------------------
# one run of one attempt
# --------------------------------------------------------------------------

def classify(exc_type, msg):
    if exc_type == "ReplayTimeout":
        return "TIMEOUT"
    if exc_type == "MemoryError" or any(m in msg for m in MEM_MSGS):
        return "MEMORY"
    if VC_MSG in msg:
        return "VC"
    if any(m in msg for m in VIEW_MSGS):
        return "VIEW"
    if LEAF_MSG in msg:
        return "LEAF"
    if OUT_MSG in msg:
        return "OUT"
    if exc_type == "BuildFailed":
        return "BUILD"
    return "OTHER"


class Run:
    def __init__(self):
        self.kind = None  # None: finished without exception
        self.exc_type = None
        self.msg = ""
        self.tb_lines = []  # user-file (and module creation) lines of the traceback, outer to inner
        self.exc_line = None  # innermost user-file line of the traceback
        self.lines_first = {}
        self.bw_done = []
        self.events = []
        self.writes = {}
        self.stub_used = False
        self.traced = False
        self.graph_writes = []
        self.grad_ptrs = set()
        self.saved_ptrs = []  # (ptr, seq, unpacked) of the tensors saved for backward (trace runs)
        self.modified = []

    def ran(self, lines):
        return any(ln in self.lines_first for ln in lines)

    def backward_after(self, lines):
        firsts = [self.lines_first[ln] for ln in lines if ln in self.lines_first]
        if not firsts:
            return False
        first = min(firsts)
        return any(i >= first for i in self.bw_done)

    def where(self):
        return (" at line %d" % self.exc_line) if self.exc_line else ""

    def describe(self):
        if self.kind == "TIMEOUT":
            return "timed out"
        if self.kind == "MEMORY":
            return "memory limit exceeded (%s)" % (first_line(self.msg, 120) or "MemoryError")
        return "%s%s: %s" % (self.exc_type, self.where(), first_line(self.msg, 200))


def fill_exception(run, e):
    run.exc_type = type(e).__name__
    if isinstance(e, BuildFailed):
        run.msg = str(e)
    else:
        run.msg = str(e)
    run.kind = classify(run.exc_type, run.msg)
    tb = e.__traceback__
    lines = []
    last_user = None
    while tb is not None:
        f = tb.tb_frame
        if f.f_code.co_filename == PATH:
            lines.append(tb.tb_lineno)
            last_user = tb.tb_lineno
        else:
            ml = _module_line(f)
            if ml is not None:
                lines.append(ml)
        tb = tb.tb_next
    run.tb_lines = lines
    run.exc_line = last_user


def do_run(attempt, trace=False, slice_s=5.0):
    STATE.reset()
    run = Run()
    run.traced = trace
    tracer = Tracer(getattr(attempt, "capture", None))
    attempt.tracer = tracer
    tm = TraceMode() if trace else None

    def body():
        torch.manual_seed(0)
        if tm is not None:
            with tm:
                attempt.execute()
        else:
            attempt.execute()

    sys.settrace(tracer.global_trace)
    try:
        call_limited(body, slice_s)
    except BaseException as e:  # noqa: BLE001 - the user's code may raise anything
        sys.settrace(None)
        if isinstance(e, SystemExit) and not e.code:
            pass
        elif isinstance(e, KeyboardInterrupt):
            raise
        else:
            try:
                fill_exception(run, e)
            except BaseException:  # noqa: BLE001
                run.kind, run.exc_type, run.msg = "OTHER", type(e).__name__, ""
        e = None
    finally:
        sys.settrace(None)
        torch.set_grad_enabled(True)
    run.lines_first = dict(tracer.lines_first)
    run.bw_done = list(STATE.bw_done)
    run.stub_used = STATE.stub_used
    run.modified = list(STATE.modified) + list(getattr(attempt, "modified", ()))
    if trace:
        try:
            run.events = culprits()
        except Exception:  # noqa: BLE001
            run.events = []
        run.writes = STATE.writes
        run.graph_writes = STATE.graph_writes
        run.grad_ptrs = STATE.grad_ptrs
        run.saved_ptrs = [(r.ptr, r.seq, bool(r.unpacks)) for r in STATE.saved if r.ptr]
    STATE.graph_writes = []
    STATE.grad_ptrs = set()
    STATE.saved = []
    STATE.writes = {}
    STATE.user_packed = {}
    attempt.cleanup()
    gc.collect()
    return run


# --------------------------------------------------------------------------
# the module environment
# --------------------------------------------------------------------------

MODNAME = "__ipl_replay_target__"
SKIP_TOP = (ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Expr, ast.Delete, ast.Raise,
            ast.Assert, ast.Global, ast.Nonlocal, ast.Pass, ast.Break, ast.Continue, ast.Return)


def package_of(path):
    d = os.path.dirname(path)
    parts = []
    while os.path.exists(os.path.join(d, "__init__.py")):
        parts.append(os.path.basename(d))
        nd = os.path.dirname(d)
        if nd == d:
            break
        d = nd
    return ".".join(reversed(parts)), d


def exec_import(index, stmt, env):
    code = index.compile(stmt)
    for _ in range(12):
        try:
            exec(code, env)
            return
        except ModuleNotFoundError as e:
            name = e.name
            if not name or (name in sys.modules and not getattr(sys.modules[name], "__ipl_stub__", False)):
                break
            if name in sys.modules:  # a stub already: give up on this statement
                break
            install_stub(name)
        except ImportError:
            break
        except Exception:  # noqa: BLE001 - the imported module itself failed
            break
    # bind what could not be imported to stubs, name by name
    if isinstance(stmt, ast.Import):
        for a in stmt.names:
            try:
                exec(index.compile(ast.Import(names=[a])), env)
            except Exception:  # noqa: BLE001
                install_stub(a.name)
                bound = a.asname or a.name.split(".")[0]
                env[bound] = sys.modules[a.asname and a.name or a.name.split(".")[0]]
    elif isinstance(stmt, ast.ImportFrom):
        for a in stmt.names:
            if a.name == "*":
                continue
            one = ast.ImportFrom(module=stmt.module, names=[a], level=stmt.level)
            ast.copy_location(one, stmt)
            try:
                exec(index.compile(one), env)
            except Exception:  # noqa: BLE001
                env[a.asname or a.name] = _new_stub((stmt.module or "") + "." + a.name)


def new_env(index, as_main=False):
    mod = types.ModuleType("__main__" if as_main else MODNAME)
    mod.__file__ = PATH
    pkg, _ = package_of(PATH)
    mod.__package__ = pkg or None
    mod.__builtins__ = builtins
    sys.modules[MODNAME] = mod
    return mod.__dict__


HARMLESS_CALLS = re.compile(r"^(print|pprint|display|logging\.\w+|logger\.\w+|log\.\w+|warnings\.\w+|plt\.\w+|"
                            r"torch\.manual_seed|random\.seed|np\.random\.seed|numpy\.random\.seed|"
                            r"torch\.set_printoptions|np\.set_printoptions)$")


def harmless(stmt):
    """A statement whose absence cannot change any tensor of the program."""
    if isinstance(stmt, (ast.Pass, ast.Global, ast.Nonlocal, ast.Assert)):
        return True
    if isinstance(stmt, ast.Expr):
        v = stmt.value
        if isinstance(v, ast.Constant):
            return True
        if isinstance(v, ast.Call):
            try:
                return bool(HARMLESS_CALLS.match(ast.unparse(v.func)))
            except Exception:  # noqa: BLE001
                return False
    return False


def build_env(index, full=False, as_main=False, tree=None):
    """Execute the module's imports, defs, classes and constants (statement by
    statement; failures are skipped).  full=True runs every statement, in order,
    stopping at the first failure (the module is what is being replayed).
    Top-level statements that are skipped or fail are recorded in
    ``STATE.modified``: importing the module would have run them, so the replay
    is not the real program (no refutation from it)."""
    env = new_env(index, as_main)
    for stmt in (tree or index.tree).body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            exec_import(index, stmt, env)
            continue
        if full:
            exec(index.compile(stmt), env)
            continue
        if is_main_guard(stmt):
            continue
        if isinstance(stmt, SKIP_TOP):
            if not harmless(stmt):
                STATE.modified.append("top-level line %d skipped" % stmt.lineno)
            continue
        try:
            exec(index.compile(stmt), env)
        except (ReplayTimeout, MemoryError):
            raise
        except BaseException as e:  # noqa: BLE001
            STATE.modified.append("top-level line %d failed (%s)" % (stmt.lineno, type(e).__name__))
    return env


# --------------------------------------------------------------------------
# attempts
# --------------------------------------------------------------------------

class Attempt:
    capture = None
    label = ""

    def __init__(self, index):
        self.index = index
        self.tracer = None

    def execute(self):
        raise NotImplementedError

    def cleanup(self):
        sys.modules.pop(MODNAME, None)


class EntryAttempt(Attempt):
    def __init__(self, index, name):
        super().__init__(index)
        self.name = name
        self.label = "%s()" % name

    def execute(self):
        env = build_env(self.index)
        fn = env.get(self.name)
        if not callable(fn):
            raise BuildFailed("%s is not defined after loading the module" % self.name)
        fn()


class MainAttempt(Attempt):
    label = "the __main__ block"

    def execute(self):
        env = build_env(self.index, as_main=True)
        env["__name__"] = "__main__"
        saved_argv = sys.argv
        sys.argv = [PATH]
        try:
            exec(self.index.compile(list(self.index.main_block.body)), env)
        finally:
            sys.argv = saved_argv


class ModuleAttempt(Attempt):
    label = "the module"

    def execute(self):
        saved_argv = sys.argv
        sys.argv = [PATH]
        try:
            build_env(self.index, full=True, as_main=True)
        finally:
            sys.argv = saved_argv


# ---- guessing values ------------------------------------------------------

INT_NAMES = re.compile(r"^(n|k|m|d|dim|axis|steps?|num_\w+|n_\w+|\w+_size|size|epochs?|iters?|iterations|t|i|j|"
                       r"\w*dim|\w*_len|length|depth|layers?|heads?|hidden|width|channels?|in_\w+|out_\w+|"
                       r"\w*features|batch|bs|seq|count|idx|index|step|top_k|topk|repeats?|times|level)$")
FLOAT_NAMES = re.compile(r"^(lr|eps|epsilon|alpha|beta\d?|gamma|p|prob|scale|temperature|temp|tau|momentum|"
                         r"decay|weight_decay|clip|max_norm|margin|lam|lambd?a_?|lmbda|smoothing|ratio|rate|"
                         r"\w+_rate|\w+_prob|dropout|drop|threshold|thresh|min_val|max_val|lo|hi|low|high|"
                         r"sigma|std|mean|noise|noise_std|coef|\w+_coef|weight|factor|\w+_scale|value|val|"
                         r"negative_slope|init_value|layer_scale|mu)$")
BOOL_NAMES = re.compile(r"^(training|train|inplace|verbose|bias|affine|batch_first|bidirectional|causal|"
                        r"residual|normalize|is_\w+|use_\w+|has_\w+|with_\w+|return_\w+|keepdim|flag|enabled?)$")
MODULE_NAMES = re.compile(r"^(model|net|network|module|mod|encoder|decoder|enc|dec|generator|discriminator|critic|"
                          r"g|d|gen|disc|netg|netd|net_g|net_d|teacher|student|backbone|policy|actor|layer|"
                          r"block|head|classifier|feat_net|feature_extractor|\w+_net|\w+_model|\w+_module|"
                          r"model_\w+|net_\w+)$", re.I)
OPT_NAMES = re.compile(r"^(opt|optim|optimizer|optimiser|opt_\w+|\w+_opt|\w+_optim|\w+_optimizer)$", re.I)
STR_NAMES = re.compile(r"^(path|file|filename|fname|root|dir|directory|\w+_path|\w+_file|\w+_dir|url|ckpt|"
                       r"checkpoint)$")
INDEX_FUNCS = {"gather", "index_select", "take", "take_along_dim", "scatter", "scatter_", "scatter_add",
               "scatter_add_", "index_add", "index_add_", "index_copy", "index_copy_", "index_fill",
               "index_fill_", "embedding", "embedding_bag", "scatter_reduce", "index_put", "index_put_"}
TARGET_FUNCS = {"cross_entropy", "nll_loss", "CrossEntropyLoss", "NLLLoss", "one_hot", "multi_margin_loss"}
MASK_FUNCS = {"masked_fill", "masked_fill_", "masked_select", "masked_scatter", "masked_scatter_"}
TENSOR_ATTRS = {"shape", "size", "dim", "ndim", "device", "dtype", "view", "reshape", "sum", "mean", "float",
                "unsqueeze", "squeeze", "transpose", "permute", "flatten", "detach", "clone", "requires_grad",
                "sigmoid", "tanh", "exp", "log", "abs", "numel", "new_zeros", "new_ones", "new_empty", "to",
                "contiguous", "pow", "softmax", "log_softmax", "mul", "add", "sub", "div", "matmul"}


def _call_name(call):
    f = call.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return ""


def _is_name(node, name):
    return isinstance(node, ast.Name) and node.id == name


def _root_name(node):
    """x for x, x[:, None], x.unsqueeze(1), x.long(), x[..., None].to(dev)."""
    for _ in range(6):
        if isinstance(node, ast.Name):
            return node
        if isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("unsqueeze", "long", "bool", "to", "view", "reshape", "squeeze", "int",
                                   "expand", "expand_as", "flatten", "t", "contiguous", "float"):
            node = node.func.value
        else:
            return None
    return None


class ParamInfo:
    def __init__(self, name):
        self.name = name
        self.kind = None  # float, long, bool, int, floatv, boolv, str, module, opt, list, none
        self.rank = None
        self.consumers = []  # ast expressions called with this param as an argument
        self.zip_with = None  # ast of what it is zipped with (e.g. self.lateral)
        self.iterated = False
        self.consumer_args = []


def analyse_params(fn, names):
    """Usage-based hints for each parameter of fn."""
    info = {n: ParamInfo(n) for n in names}

    def mark(name, kind):
        if name in info and info[name].kind is None:
            info[name].kind = kind

    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            cname = _call_name(node)
            args = list(node.args)
            recv = node.func.value if isinstance(node.func, ast.Attribute) else None
            for pos, a0 in enumerate(args):
                a = _root_name(a0)
                if a is None or a.id not in info:
                    continue
                n = a.id
                if a is not a0 and cname not in INDEX_FUNCS | TARGET_FUNCS | MASK_FUNCS | {"where"}:
                    if isinstance(node.func, (ast.Name, ast.Attribute)):
                        info[n].consumers.append(node.func)
                        info[n].consumer_args.append((node, pos))
                    continue
                method_form = recv is not None and not (isinstance(recv, ast.Name) and recv.id in ("torch", "F"))
                if cname in INDEX_FUNCS and (pos >= 1 or (method_form and cname not in ("embedding",))):
                    if not (cname == "embedding" and pos == 1):
                        mark(n, "long")
                elif cname in TARGET_FUNCS and (pos == 1 or cname == "one_hot"):
                    mark(n, "long")
                elif cname in MASK_FUNCS and ((method_form and pos == 0) or (not method_form and pos == 1)):
                    mark(n, "bool")
                elif cname == "where" and pos == 0:
                    mark(n, "bool")
                elif cname == "range":
                    mark(n, "int")
                elif cname == "zip":
                    info[n].iterated = True
                    others = [x for x in args if x is not a]
                    if others and info[n].zip_with is None:
                        info[n].zip_with = others[0]
                elif cname in ("len", "enumerate", "list", "tuple", "sorted", "reversed"):
                    info[n].iterated = True
                else:
                    info[n].consumers.append(node.func)
                    info[n].consumer_args.append((node, pos))
            for kw in node.keywords:
                kv = _root_name(kw.value)
                if kv is not None and kv.id in info:
                    n = kv.id
                    if kw.arg in ("target", "index", "indices") and cname in TARGET_FUNCS | INDEX_FUNCS:
                        mark(n, "long")
                    elif kw.arg in ("attn_mask", "src_mask", "tgt_mask") or (
                            kw.arg == "mask" and re.search(r"attn|attention|scaled_dot", ast.unparse(node.func))):
                        mark(n, "attn_mask")
                    elif kw.arg == "mask":
                        mark(n, "bool")
                    elif kw.arg in ("dim", "k", "num_classes"):
                        mark(n, "int")
                    elif kw.arg in ("p", "alpha", "beta", "eps", "value", "min", "max", "lr"):
                        mark(n, "floatv")
                    elif kw.arg == "out":
                        mark(n, "float")
        elif isinstance(node, (ast.For, ast.comprehension)):
            it = node.iter
            if isinstance(it, ast.Name) and it.id in info:
                info[it.id].iterated = True
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in info:
            if node.attr in TENSOR_ATTRS or node.attr.endswith("_") and not node.attr.endswith("__"):
                mark(node.value.id, "float")
            if node.attr in ("parameters", "named_parameters", "train", "eval", "modules", "children",
                             "state_dict", "zero_grad" if node.value.id not in ("opt",) else ""):
                if node.attr == "zero_grad":
                    pass
                else:
                    info[node.value.id].kind = "module"
            if node.attr in ("step", "param_groups"):
                info[node.value.id].kind = "opt"
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple):
            v = node.value
            base = None
            if isinstance(v, ast.Attribute) and v.attr == "shape":
                base = v.value
            elif isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "size" \
                    and not v.args:
                base = v.func.value
            if isinstance(base, ast.Name) and base.id in info:
                info[base.id].rank = len(node.targets[0].elts)
                mark(base.id, "float")
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name) and node.slice.id in info:
            mark(node.slice.id, "int")
    return info


def guess_scalar(name, annotation=None):
    """A guess for a config-like or scalar argument, or None for 'a tensor'."""
    ann = ast.unparse(annotation) if annotation is not None else ""
    low = name.lower()
    if ann in ("int",):
        return 2 if re.search(r"head|layer|depth|block", low) else 8
    if ann in ("float",):
        return 1e-5 if "eps" in low else 0.1
    if ann in ("bool",):
        return True
    if ann in ("str",):
        return "mean"
    if BOOL_NAMES.match(low):
        return True
    if re.search(r"head", low):
        return 2
    if re.search(r"layers?$|depth|blocks?$|^n_layers|stack", low):
        return 2
    if re.search(r"kernel|^k$|ksize", low):
        return 3
    if re.search(r"stride|groups|dilation", low):
        return 1
    if re.search(r"padding|pad$", low):
        return 1
    if re.search(r"vocab|num_embeddings|n_?tokens?$|ntoken", low):
        return 16
    if re.search(r"class|cls|tags|labels|n_out|num_out|actions", low):
        return 4
    if re.search(r"seq_len|max_len|block_size|context|max_length|n_pos", low):
        return 16
    if re.search(r"eps", low):
        return 1e-5
    if re.search(r"amount|fraction|frac|percent|sparsity|ratio|keep", low):
        return 0.5
    if FLOAT_NAMES.match(low):
        return 0.1
    if INT_NAMES.match(low):
        return 8
    if STR_NAMES.match(low):
        return os.path.join(os.getcwd(), "missing-" + low)
    return None


def module_specs(m, depth=0):
    """Candidate inputs for feeding module m: [(dtype, shape, high)]."""
    nn = torch.nn
    if m is None or depth > 4:
        return []
    try:
        if isinstance(m, nn.Linear):
            f = m.in_features
            return [("float", (2, f), None), ("float", (2, 3, f), None)]
        if isinstance(m, (nn.Conv1d, nn.ConvTranspose1d)):
            return [("float", (2, m.in_channels, 16), None)]
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            return [("float", (2, m.in_channels, 16, 16), None), ("float", (2, m.in_channels, 8, 8), None)]
        if isinstance(m, (nn.Conv3d, nn.ConvTranspose3d)):
            return [("float", (2, m.in_channels, 4, 8, 8), None)]
        if isinstance(m, nn.BatchNorm1d):
            return [("float", (4, m.num_features), None), ("float", (4, m.num_features, 8), None)]
        if isinstance(m, (nn.BatchNorm2d, nn.InstanceNorm2d)):
            return [("float", (2, m.num_features, 8, 8), None)]
        if isinstance(m, (nn.BatchNorm3d, nn.InstanceNorm3d)):
            return [("float", (2, m.num_features, 4, 4, 4), None)]
        if isinstance(m, nn.GroupNorm):
            return [("float", (2, m.num_channels, 8, 8), None)]
        if isinstance(m, nn.LayerNorm):
            ns = tuple(m.normalized_shape)
            return [("float", (2, 3) + ns, None), ("float", (2,) + ns, None)]
        if isinstance(m, (nn.Embedding, nn.EmbeddingBag)):
            return [("long", (2, 5), m.num_embeddings)]
        if isinstance(m, nn.RNNBase):
            if m.batch_first:
                return [("float", (2, 5, m.input_size), None)]
            return [("float", (5, 2, m.input_size), None)]
        if isinstance(m, (nn.RNNCell, nn.LSTMCell, nn.GRUCell)):
            return [("float", (2, m.input_size), None)]
        if isinstance(m, nn.MultiheadAttention):
            e = m.embed_dim
            return [("float", (2, 5, e) if m.batch_first else (5, 2, e), None)]
        for child in m.children():
            specs = module_specs(child, depth + 1)
            if specs:
                return specs
    except Exception:  # noqa: BLE001
        return []
    return []


def _inplace_chain(call):
    """(receiver, [(method, call)]) when call is ``x.op_(...)`` or ``x.op_(...).op2_(...)``
    on a plain name or attribute and every op has an out-of-place twin; else None."""
    chain = []
    node = call
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        name = node.func.attr
        if not (name.endswith("_") and not name.endswith("__") and hasattr(torch.Tensor, name[:-1])):
            return None
        chain.append(node)
        node = node.func.value
    if not chain or not isinstance(node, (ast.Name, ast.Attribute)):
        return None
    return node, chain


def outplace_stmt(stmt):
    """The out-of-place twin of an in-place statement (``q *= s`` -> ``q = q * s``,
    ``x.mul_(2)`` -> ``x = x.mul(2)``), line numbers kept; None when there is none."""
    if isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, (ast.Name, ast.Attribute)):
        load = copy.deepcopy(stmt.target)
        load.ctx = ast.Load()
        new = ast.Assign(targets=[stmt.target], value=ast.BinOp(left=load, op=stmt.op, right=stmt.value))
    elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        found = _inplace_chain(stmt.value)
        if found is None:
            return None
        recv, chain = found
        value = copy.deepcopy(stmt.value)
        node = value
        while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr.endswith("_"):
            node.func.attr = node.func.attr[:-1]
            node = node.func.value
        target = copy.deepcopy(recv)
        target.ctx = ast.Store()
        new = ast.Assign(targets=[target], value=value)
    else:
        return None
    ast.copy_location(new, stmt)
    for n in ast.walk(new):
        if not hasattr(n, "lineno") or n.lineno is None:
            ast.copy_location(n, stmt)
    return ast.fix_missing_locations(new)


class _OutOfPlace(ast.NodeTransformer):
    def __init__(self, lines):
        self.lines = set(lines)

    def generic_visit(self, node):
        node = super().generic_visit(node)
        if isinstance(node, ast.stmt) and node.lineno in self.lines:
            new = outplace_stmt(node)
            if new is not None:
                return new
        return node


def rewrite_outplace(node, lines):
    return _OutOfPlace(lines).visit(copy.deepcopy(node)) if lines else node


GENERIC_SHAPES = [(2, 8), (2, 4, 8), (2, 3, 8, 8), (8,), (2, 3, 16, 16), (4, 16), (2, 16, 8)]


class SynthAttempt(Attempt):
    """Call the enclosing function (or method) with synthesised arguments, then
    backward through its return value and its grad-requiring locals."""

    MODES = {"nonleaf": "inputs that require grad", "leaf": "leaf inputs that require grad",
             "data": "inputs that do not require grad"}

    def __init__(self, index, kind, owner, fn, variant, mode="nonleaf", drop=(), rewrites=()):
        super().__init__(index)
        self.kind = kind  # func | method
        self.owner = owner  # class name for methods, function name otherwise
        self.fn = fn
        self.variant = variant
        self.mode = mode
        self.drop = tuple(drop)
        # lines of other in-place statements that raised before the flagged line, replayed
        # out of place (q *= s -> q = q * s): a run that can confirm, never refute
        self.rewrites = tuple(rewrites)
        self.build_notes = []
        self.input_ptrs = set()
        lo = node_start(fn)
        self.capture = (fn.name, lo, fn.lineno)
        self.label = ("%s.%s" % (owner, fn.name)) if kind == "method" else ("%s" % fn.name)
        self.label += "(synthesised %s)" % self.MODES[mode]
        self.built_ok = False
        self.self_note = ""

    # -- self ---------------------------------------------------------------
    def construct(self, cls_name, env, seen=()):
        cls = env.get(cls_name)
        if not isinstance(cls, type):
            raise BuildFailed("class %s could not be defined" % cls_name)
        errors = []
        node = self.index.classes.get(cls_name)
        for args, kwargs in self.ctor_candidates(cls_name, cls, env):
            try:
                return cls(*args, **kwargs)
            except (ReplayTimeout, MemoryError):
                raise
            except Exception as e:  # noqa: BLE001
                errors.append("%s: %s" % (type(e).__name__, first_line(e, 120)))
        # statement by statement
        init = None
        if node is not None:
            for sub in node.body:
                if isinstance(sub, ast.FunctionDef) and sub.name == "__init__":
                    init = sub
        try:
            obj = cls.__new__(cls)
        except Exception as e:  # noqa: BLE001
            raise BuildFailed("cannot create %s: %s" % (cls_name, "; ".join(errors[:2]) or first_line(e)))
        if isinstance(obj, torch.nn.Module):
            torch.nn.Module.__init__(obj)
        if init is not None:
            loc = {"self": obj, "__class__": cls}
            for pname, val in self.guess_args(init, env, skip_self=True, seen=seen + (cls_name,))[1].items():
                loc[pname] = val
            a = init.args
            pos = list(a.posonlyargs) + list(a.args)
            for p, d in zip(pos[len(pos) - len(a.defaults):], a.defaults):
                if p.arg not in loc:
                    try:
                        loc[p.arg] = eval(self.index.compile_expr(d), env)
                    except Exception:  # noqa: BLE001
                        pass
            for stmt in init.body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and \
                        isinstance(stmt.value.func, ast.Attribute) and stmt.value.func.attr == "__init__":
                    continue
                try:
                    exec(self.index.compile(stmt), env, loc)
                except (ReplayTimeout, MemoryError):
                    raise
                except Exception as e:  # noqa: BLE001
                    errors.append("line %d %s: %s" % (stmt.lineno, type(e).__name__, first_line(e, 100)))
        self.self_note = ("; __init__ partly failed (%s)" % errors[-1]) if errors else ""
        if errors:
            self.build_notes.append("%s.__init__ run statement by statement (%s)" % (cls_name, errors[-1]))
        return obj

    def ctor_candidates(self, cls_name, cls, env):
        out = []
        # literal call sites in the file: Net(10, 32, 4)
        for n in ast.walk(self.index.tree):
            if isinstance(n, ast.Call) and _is_name(n.func, cls_name):
                try:
                    args = [eval(self.index.compile_expr(a), env) for a in n.args
                            if not isinstance(a, ast.Starred)]
                    kwargs = {k.arg: eval(self.index.compile_expr(k.value), env)
                              for k in n.keywords if k.arg}
                    out.append((args, kwargs))
                except Exception:  # noqa: BLE001
                    continue
        node = self.index.classes.get(cls_name)
        init = None
        if node is not None:
            for sub in node.body:
                if isinstance(sub, ast.FunctionDef) and sub.name == "__init__":
                    init = sub
        if init is None:
            out.append(([], {}))
        else:
            req = required_params(init)[1:]
            if not req:
                out.append(([], {}))
            else:
                pos, kw = self.guess_args(init, env, skip_self=True, seen=(cls_name,))
                out.append((pos, kw))
        return out[:6]

    def guess_args(self, fn, env, skip_self, seen=()):
        """Guesses for the required arguments of a constructor-like function."""
        req = required_params(fn)
        if skip_self and req and (fn.args.posonlyargs + fn.args.args)[0].arg == req[0]:
            req = req[1:]
        info = analyse_params(fn, req)
        anns = {a.arg: a.annotation for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs}
        kw = {}
        for n in req:
            v = guess_scalar(n, anns.get(n))
            pi = info[n]
            body_src = ""
            if pi.iterated:
                # a list: of channel counts, or of floats for torch.tensor(mean)
                v = [4, 8] if v is None or isinstance(v, int) else [v, v, v]
                if re.search(r"mean|std", n):
                    v = [0.5, 0.5, 0.5]
            elif v is None:
                if MODULE_NAMES.match(n):
                    v = self.make_module(n, env, seen)
                elif re.search(r"mean|std|scale", n):
                    v = [0.5, 0.5, 0.5]
                else:
                    v = 8
            del body_src
            kw[n] = v
        return [], kw

    def make_module(self, pname, env, seen=()):
        nn = torch.nn
        low = pname.lower().replace("_", "")
        cands = []
        for cname in self.index.classes:
            cls = env.get(cname)
            if isinstance(cls, type) and issubclass(cls, nn.Module) and cname not in seen:
                score = 0 if (low in cname.lower() or cname.lower() in low) else 1
                cands.append((score, "class", cname))
        for fname, fnode in self.index.funcs.items():
            if re.match(r"^(build|make|create|get)_?\w*|\w*model\w*$", fname) and not required_params(fnode):
                cands.append((0.5, "factory", fname))
        cands.sort(key=lambda c: c[0])
        for _, how, name in cands[:4]:
            try:
                if how == "class":
                    m = self.construct(name, env, seen)
                else:
                    m = env[name]()
                if isinstance(m, nn.Module):
                    return m
            except (ReplayTimeout, MemoryError):
                raise
            except Exception:  # noqa: BLE001
                continue
        return nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 4))

    # -- inputs ---------------------------------------------------------------
    def tensor(self, spec, seen_shape=None):
        dtype, shape, high = spec
        if dtype == "long":
            hi = max(1, min(high or 2, 2 if high is None else high))
            return torch.randint(0, hi, shape)
        if dtype == "bool":
            return torch.rand(shape) > 0.5
        base = torch.randn(shape)
        if self.mode == "data":
            t = base
        elif self.mode == "leaf":
            t = base.requires_grad_(True)
        else:
            t = base.requires_grad_(True).clone()
        p = ptr_of(t)
        if p:
            self.input_ptrs.add(p)
        return t

    def resolve(self, expr, env, loc):
        try:
            return eval(self.index.compile_expr(expr), env, loc)
        except Exception:  # noqa: BLE001
            return None

    def specs_for(self, pi, env, loc, obj):
        specs = []
        for c in pi.consumers:
            target = self.resolve(c, env, loc)
            if isinstance(target, torch.nn.Module):
                specs = module_specs(target)
                if specs:
                    break
        if not specs and isinstance(obj, torch.nn.Module):
            specs = module_specs(obj)
        out = list(specs)
        for s in GENERIC_SHAPES:
            if ("float", s, None) not in out:
                out.append(("float", s, None))
        if pi.rank is not None:
            ranked = [s for s in out if len(s[1]) == pi.rank]
            extra = [("float", (2, 3, 8, 8, 4)[:pi.rank], None)]
            out = ranked + [s for s in extra if s not in ranked] + [s for s in out if s not in ranked]
        return out

    def build_call(self, env):
        fn = self.fn
        obj = None
        if self.kind == "method":
            cls = env.get(self.owner)
            is_static = any(_is_name(d, "staticmethod") for d in fn.decorator_list)
            is_cls = any(_is_name(d, "classmethod") for d in fn.decorator_list)
            if is_static:
                func = getattr(cls, fn.name)
            elif is_cls:
                func = getattr(cls, fn.name)
            else:
                obj = self.construct(self.owner, env)
                func = getattr(obj, fn.name)
                if isinstance(obj, torch.nn.Module):
                    obj.train()
            if self.drop:
                func = self.sliced(env, bind=None if (is_static or is_cls) else obj, cls=cls)
        else:
            func = env.get(fn.name)
            if self.drop:
                func = self.sliced(env)
        if not callable(func):
            raise BuildFailed("%s is not callable after loading the module" % fn.name)
        a = fn.args
        pos = list(a.posonlyargs) + list(a.args)
        if self.kind == "method" and pos and not any(_is_name(d, "staticmethod") for d in fn.decorator_list):
            pos = pos[1:]
        n_def = len(a.defaults)
        required = [p for p in pos[:len(pos) - n_def]] if n_def else list(pos)
        kwreq = [k for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
        names = [p.arg for p in required] + [k.arg for k in kwreq]
        info = analyse_params(fn, names)
        anns = {p.arg: p.annotation for p in pos + list(a.kwonlyargs)}
        loc = {"self": obj} if obj is not None else {}
        values = {}
        # non-tensors first (modules feed the shapes of the tensors)
        for n in names:
            pi = info[n]
            if pi.kind is None and pi.consumers and all(
                    isinstance(self.resolve(c, env, loc), type) for c in pi.consumers):
                # only passed to constructors (nn.Linear(dim, ...)): a config value
                g = guess_scalar(n, anns.get(n))
                values[n] = 8 if g is None else g
                loc.update(values)
                continue
            ann = ast.unparse(anns[n]) if anns.get(n) is not None else ""
            if pi.kind == "module" or (pi.kind is None and (MODULE_NAMES.match(n) or "Module" in ann)):
                values[n] = self.make_module(n, env)
            elif pi.kind is None and not pi.iterated and not pi.consumers and ("Tensor" not in ann) \
                    and guess_scalar(n, anns.get(n)) is not None:
                values[n] = guess_scalar(n, anns.get(n))
            elif pi.kind in ("int",):
                values[n] = 2
            elif pi.kind == "floatv":
                values[n] = 0.1
            loc.update(values)
        for n in names:
            if info[n].kind == "opt" or (n not in values and info[n].kind is None and OPT_NAMES.match(n)):
                params = []
                for v in values.values():
                    if isinstance(v, torch.nn.Module):
                        params = list(v.parameters())
                        break
                if not params and isinstance(obj, torch.nn.Module):
                    params = list(obj.parameters())
                if not params:
                    params = [torch.nn.Parameter(torch.zeros(1))]
                values[n] = torch.optim.SGD(params, lr=0.01)
        loc.update(values)
        first_float_shape = None
        first_shape = None
        for n in names:
            if n in values:
                if first_shape is None and isinstance(values[n], torch.Tensor):
                    first_shape = tuple(values[n].shape)
                continue
            pi = info[n]
            if pi.iterated and pi.zip_with is not None:
                mods = self.resolve(pi.zip_with, env, loc)
                if isinstance(mods, (torch.nn.ModuleList, list, tuple)) and len(mods) and \
                        all(isinstance(m, torch.nn.Module) for m in mods):
                    seq = []
                    for i, m in enumerate(mods):
                        sp = module_specs(m) or [("float", (2, 8), None)]
                        dt, shp, hi = sp[min(self.variant, len(sp) - 1)]
                        if len(shp) >= 3:
                            shp = shp[:2] + tuple(max(1, s // (2 ** i)) for s in shp[2:])
                        seq.append(self.tensor((dt, shp, hi)))
                    values[n] = seq
                    continue
            specs = self.specs_for(pi, env, loc, obj)
            dt, shp, hi = specs[min(self.variant, len(specs) - 1)]
            if re.search(r"^(lengths?|lens|seq_lens?|seq_lengths|n_tokens|valid_lens)$", n):
                ref = first_shape or first_float_shape or (2, 5)
                b = ref[0]
                t_len = ref[1] if len(ref) > 1 else 4
                values[n] = torch.full((b,), t_len, dtype=torch.long)
                continue
            if pi.kind == "attn_mask":
                ref = first_float_shape or (2, 5, 8)
                t_len = ref[-2] if len(ref) >= 2 else ref[0]
                values[n] = torch.triu(torch.ones(t_len, t_len, dtype=torch.bool), diagonal=1)
                continue
            if pi.kind == "long" and dt != "long":
                b = first_float_shape[0] if first_float_shape else 2
                dt, shp, hi = "long", (b,), 2
            elif pi.kind == "bool" or (pi.kind is None and re.search(r"mask|^pad$|padding_mask", n)):
                ref = first_float_shape or shp
                dt, shp = "bool", (ref if self.variant % 2 == 0 or len(ref) < 2 else ref[:-1])
            elif pi.kind is None and re.search(r"^(idx|indices|ids|tokens?|token_ids|labels?|targets?|y)$", n) \
                    and dt != "long" and not pi.consumers:
                # class indices unless the name is used like a float tensor
                if n in ("y", "target", "targets"):
                    pass
                else:
                    b = first_float_shape[0] if first_float_shape else 2
                    dt, shp, hi = "long", (b,), 2
            t = self.tensor((dt, shp, hi))
            if pi.iterated and dt == "float" and len(shp) >= 1 and pi.zip_with is None and pi.rank is None \
                    and pi.kind is None:
                values[n] = [t] + [self.tensor((dt, shp, hi)) for _ in range(1)]
            else:
                values[n] = t
            if dt == "float" and first_float_shape is None:
                first_float_shape = shp
            if first_shape is None:
                first_shape = shp
        args = []
        kwargs = {}
        for p in required:
            args.append(values[p.arg])
        for k in kwreq:
            kwargs[k.arg] = values[k.arg]
        self.built_ok = True
        return func, args, kwargs

    @property
    def modified(self):
        out = ["line %d dropped" % ln for ln in self.drop]
        out += ["line %d replayed out of place" % ln for ln in self.rewrites]
        return out + list(self.build_notes)

    def sliced(self, env, bind=None, cls=None):
        node = rewrite_outplace(copy.deepcopy(self.fn), self.rewrites)
        node.body = [s for s in node.body if s.lineno not in self.drop] or [ast.Pass()]
        node.decorator_list = [d for d in node.decorator_list
                               if not (_is_name(d, "staticmethod") or _is_name(d, "classmethod"))]
        ns = {}
        exec(self.index.compile(ast.fix_missing_locations(node)), env, ns)
        f = ns[node.name]
        if bind is not None:
            return types.MethodType(f, bind)
        return f

    def execute(self):
        self.input_ptrs = set()
        self.build_notes = []
        tree = rewrite_outplace(self.index.tree, self.rewrites) if self.rewrites else None
        env = build_env(self.index, tree=tree)
        try:
            func, args, kwargs = self.build_call(env)
        except (ReplayTimeout, MemoryError):
            raise
        except BuildFailed:
            raise
        except Exception as e:  # noqa: BLE001
            what = self.label.split("(")[0]
            raise BuildFailed("cannot build the call of %s: %s: %s" % (what, type(e).__name__, first_line(e, 160)))
        call_error = None
        out = None
        try:
            out = func(*args, **kwargs)
        except (ReplayTimeout, MemoryError):
            raise
        except Exception as e:  # noqa: BLE001
            if classify(type(e).__name__, str(e)) in ("VC", "LEAF", "VIEW", "OUT", "MEMORY"):
                raise
            call_error = e
        roots = []
        seen = set()

        def collect(v, depth=0):
            if isinstance(v, torch.Tensor):
                if id(v) not in seen and v.requires_grad and v.grad_fn is not None and \
                        (v.is_floating_point() or v.is_complex()):
                    seen.add(id(v))
                    roots.append(v)
            elif depth < 2 and isinstance(v, (list, tuple)):
                for x in v:
                    collect(x, depth + 1)
            elif depth < 2 and isinstance(v, dict):
                for x in v.values():
                    collect(x, depth + 1)

        collect(out)
        captured = self.tracer.captured if self.tracer is not None else None
        if captured:
            for k, v in captured.items():
                if k != "self":
                    collect(v)
        for r in roots:
            s = r.real.sum() if r.is_complex() else r.sum()
            try:
                torch.autograd.backward(s, retain_graph=True)
            except RuntimeError as e:
                if "second time" in str(e) or "does not require grad" in str(e):
                    continue
                raise
        if call_error is not None:
            raise call_error


# --------------------------------------------------------------------------
# judging
# --------------------------------------------------------------------------

class Finding:
    def __init__(self, d, index):
        self.id = d["id"]
        self.code = d.get("code", "")
        self.line = int(d.get("line", 0))
        self.lines = index.stmt_lines(self.line) | {self.line}
        self.expect = EXPECT.get(self.code)
        self.verdict = None
        self.reason = ""
        self.extra = {}
        self.why_not = []  # (priority, reason) of inconclusive attempts
        self.emitted = False

    def note(self, prio, reason):
        self.why_not.append((prio, reason))

    def decide(self, verdict, reason, extra):
        self.verdict = verdict
        self.reason = reason
        self.extra.update({k: v for k, v in extra.items() if v is not None})

    def result(self):
        d = {"id": self.id, "verdict": self.verdict or "undecided", "reason": self.reason}
        d.update(self.extra)
        return d


class Verdict:
    def __init__(self, verdict=None, reason="", prio=0, **extra):
        self.verdict = verdict  # None: inconclusive (reason says why, prio ranks it)
        self.reason = reason
        self.prio = prio
        self.extra = extra


SHAPE_ERR = re.compile(r"not enough values to unpack|too many values to unpack|shape|size mismatch|"
                       r"must match the size|dimension|mat1 and mat2|expected input|normalized_shape|"
                       r"Expected \d+D|expected \d+D|channels|out of range|cannot be multiplied|"
                       r"the number of sizes provided|invalid for input of size")


def shape_error(run):
    """The run failed because the synthesised inputs had the wrong shape: try the next one."""
    return run.exc_type in ("ValueError", "RuntimeError", "IndexError") and bool(SHAPE_ERR.search(run.msg or ""))


def needs_trace(f, run, synth=False):
    if f.verdict is not None:
        return False
    if run.kind == "VC":
        return True
    if f.expect in ("SILENT", "HOOK") and run.ran(f.lines):
        return True
    # a refutation must show that the line wrote a tensor of the graph that backward then ran over
    # (and, for a synthesised call, that the line does not just mutate an argument)
    return f.expect not in RAISE_AT_OP and run.kind is None and run.ran(f.lines) and run.backward_after(f.lines)


def judge(f, run, trace, label, input_ptrs=None):
    """Verdict on f from a plain run (and its trace run, when there is one).

    Confirmed: the predicted failure, attributed to the flagged line.  Refuted only
    when (a) the line ran in the real control flow (nothing dropped, rewritten,
    skipped or stubbed on the way), (b) for IPL001/IPL004/IPL005 a backward ran
    after it over a graph that holds the tensor the line wrote, and (c) the run
    finished without an exception.  Anything else is undecided, with the reason."""
    L = f.lines
    ran = run.ran(L)
    bw_after = run.backward_after(L)
    via = " (replayed %s)" % label
    kind = run.kind
    stub = " [missing modules stubbed]" if run.stub_used else ""
    modified = list(run.modified)
    mod = (" [replay modified: %s]" % "; ".join(modified[:3])) if modified else ""
    if kind in RAISE_AT_OP or kind == "VC":
        extra = None
        if kind in RAISE_AT_OP:
            if any(ln in L for ln in run.tb_lines):
                extra = {"mutation_line": run.exc_line}
        elif trace is not None:
            for ev_kind, lines, mline, sline in trace.events:
                if ev_kind == "VC" and lines & L:
                    extra = {"mutation_line": mline, "save_line": sline}
                    break
        if extra is not None:
            return Verdict("confirmed", "%s%s%s%s" % (KIND_TEXT[kind], via, stub, mod), error=first_line(run.msg),
                           **extra)
    if trace is not None and (f.expect in ("SILENT", "HOOK") or f.code not in EXPECT):
        for ev_kind, lines, mline, sline in trace.events:
            if ev_kind in ("SILENT", "HOOK", "SWAP") and lines & L:
                return Verdict("confirmed", "%s; saved at line %s%s%s%s" % (
                    KIND_TEXT[ev_kind], sline, via, stub, mod), mutation_line=mline, save_line=sline)
    if kind in ("TIMEOUT", "MEMORY"):
        return Verdict(None, "%s %s%s" % (label, run.describe(), " after the line ran" if ran else ""), 3)
    if not ran:
        if kind is None:
            return Verdict(None, "line not reached by %s%s" % (label, mod), 1)
        if kind == "BUILD":
            return Verdict(None, first_line(run.msg), 2)
        return Verdict(None, "%s stopped before the line: %s%s" % (label, run.describe(), mod), 2)
    # the line ran
    if kind == "OTHER" and run.exc_line is not None and run.exc_line in L:
        return Verdict(None, "%s failed at the flagged line: %s" % (label, run.describe()), 2)
    vc_elsewhere = kind == "VC"
    if kind is not None and not vc_elsewhere:
        # a shape error of synthesised inputs says less than what the next input shape shows
        return Verdict(None, "the line ran, but %s then failed: %s%s" % (label, run.describe(), mod),
                       0.5 if shape_error(run) else 2)
    # (a) nothing departed from the real program on the way
    if run.stub_used:
        return Verdict(None, "the line ran without an autograd error, but missing modules were stubbed in %s"
                       % label, 1.5)
    if modified:
        return Verdict(None, "the line ran without an autograd error, but %s was not the real program (%s)"
                       % (label, "; ".join(modified[:3])), 1.5)
    if vc_elsewhere:
        # the plain run ran the line, then backward raised for another line; the trace run
        # (its saved-tensor hooks stand in for the version check) shows what came after
        vc = [ev for ev in trace.events if ev[0] == "VC"] if trace is not None else []
        if not vc:
            return Verdict(None, "backward failed with a version-counter error that could not be attributed", 2)
        if trace.kind is not None:
            return Verdict(None, "backward raised a version-counter error for another line and the run past it "
                           "failed too: %s" % trace.describe(), 2)
        elsewhere = ", ".join(str(x) for x in sorted({ev[2] for ev in vc if ev[2]}))
        if f.expect in RAISE_AT_OP:
            return Verdict("refuted", "line ran without an autograd error; the run's version-counter error comes "
                           "from line(s) %s%s" % (elsewhere, via))
    if f.expect in RAISE_AT_OP:
        return Verdict("refuted", "line ran without an autograd error and the run finished%s" % via)
    # (b) version counter / silent / unknown: a backward over the line's tensor
    if not bw_after and not vc_elsewhere:
        return Verdict(None, "no backward ran after the line in %s" % label, 1)
    if trace is None:
        return Verdict(None, "no trace run", 0)
    if not trace.ran(L) or not trace.backward_after(L):
        return Verdict(None, "the trace run of %s did not reach the line and a backward after it: %s"
                       % (label, trace.describe() if trace.kind else "finished"), 1)
    if trace.kind is not None and not vc_elsewhere:
        return Verdict(None, "the trace run of %s failed: %s" % (label, trace.describe()), 1)
    if input_ptrs:
        hits = [ln for p, ws in trace.writes.items() if p in input_ptrs for _, lines in ws for ln in lines
                if ln in L]
        if hits:
            return Verdict(None, "the line mutates an argument of %s: whether that is safe depends on the caller"
                           % label.split("(")[0], 2.5)
    g = in_graph(trace, L)
    if g is None:
        return Verdict(None, "the line wrote no tensor in %s" % label, 1)
    if not g:
        return Verdict(None, "the tensor the line modifies is not in any autograd graph in %s (it does not "
                       "require grad and autograd never saved it)" % label, 1)
    if vc_elsewhere:
        return Verdict("refuted", "line ran and backward ran; the version-counter error comes from line(s) %s%s"
                       % (elsewhere, via))
    return Verdict("refuted", "line ran and backward ran over its tensor, no autograd error, the run finished%s"
                   % via)


# --------------------------------------------------------------------------
# driver
# --------------------------------------------------------------------------

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
        self.deadline = req["started"] + float(req["timeout"]) - 0.6
        self.index = None
        self.findings = []
        self.startup_s = time.time() - req["started"]

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
        run = do_run(att, trace=False, slice_s=max(0.3, left * share))
        debug("plain %s: %.2fs kind=%s %s" % (att.label, time.time() - t0, run.kind, first_line(run.msg, 80)))
        trace = None
        if any(needs_trace(f, run, synth) for f in fs) and self.left() > 0.3:
            t0 = time.time()
            trace = do_run(att, trace=True, slice_s=max(0.3, self.left() * share))
            debug("trace %s: %.2fs kind=%s events=%d" % (
                att.label, time.time() - t0, trace.kind, len(trace.events)))
        out = {}
        ptrs = getattr(att, "input_ptrs", None) if synth else None
        for f in fs:
            if f.verdict is None:
                out[f.id] = judge(f, run, trace, att.label, input_ptrs=ptrs)
        return out, run

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
        self.index = Index(self.src, PATH)
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
                f.note(3, "time limit reached (timeout %.0f s; worker startup took %.1f s)" % (
                    float(self.req["timeout"]), self.startup_s))
            self.finish(f)

    def synthesise(self, kind, owner, node, fs):
        codes = {f.expect for f in fs}
        modes = ["nonleaf"]
        if codes & {"LEAF", "VIEW"}:
            modes = ["data", "leaf", "nonleaf"]
        drop = []
        rewrites = []
        n_tries = 0
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
                att = SynthAttempt(self.index, kind, owner, node, v, mode=mode, drop=drop, rewrites=rewrites)
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
                    att = SynthAttempt(self.index, kind, owner, node, v, mode=mode, drop=drop, rewrites=rewrites)
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


def main():
    global PATH, STATE, torch
    raw = sys.stdin.buffer.read()
    req = json.loads(raw.decode("utf-8"))
    sandbox_begin(req)
    PATH = os.path.abspath(req["path"])
    STATE = State()
    try:
        with open(PATH, "rb") as fh:
            src = fh.read().decode("utf-8-sig")
        ast.parse(src, PATH)
    except (OSError, SyntaxError, ValueError) as e:
        for d in req["findings"]:
            emit({"id": d["id"], "verdict": "undecided", "reason": "cannot read the file: %s" % first_line(e)})
        return
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]
    pkg, root = package_of(PATH)
    sys.path.insert(0, os.path.dirname(PATH))
    if pkg:
        sys.path.insert(1, root)
    sys.argv = [PATH]
    try:
        import warnings
        warnings.simplefilter("ignore")
        import torch as _torch
        torch = _torch
        torch.set_num_threads(1)
    except BaseException as e:  # noqa: BLE001
        for d in req["findings"]:
            emit({"id": d["id"], "verdict": "undecided",
                  "reason": "dependency missing: cannot import torch (%s)" % first_line(e)})
        return
    signal.signal(signal.SIGALRM, _on_alarm)
    Patches()
    try:
        install_lazy_dynamo()
    except Exception:  # noqa: BLE001
        pass
    sandbox_memory(req.get("memory_mb", 2048))
    drv = Driver(req, src)
    try:
        drv.main()
    except BaseException as e:  # noqa: BLE001 - report, never crash silently
        for f in drv.findings:
            if not f.emitted:
                if f.verdict is None:
                    f.note(4, "replay failed: %s: %s" % (type(e).__name__, first_line(e, 160)))
                drv.finish(f)
        if not drv.findings:
            for d in req["findings"]:
                emit({"id": d["id"], "verdict": "undecided",
                      "reason": "replay failed: %s: %s" % (type(e).__name__, first_line(e, 160))})


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)
