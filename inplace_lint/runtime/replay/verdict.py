"""Judging: what a run (and its trace run) says about one finding."""
import re

from .common import EXPECT, KIND_TEXT, RAISE_AT_OP, first_line
from .trace import in_graph


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
