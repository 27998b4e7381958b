"""One run of one attempt, and what it left behind (exception, lines run, trace events)."""
import gc
import sys

import torch

from . import common
from .common import BuildFailed, LEAF_MSG, MEM_MSGS, OUT_MSG, VC_MSG, VIEW_MSGS, first_line
from .sandbox import call_limited
from .trace import TraceMode, Tracer, _module_line, culprits


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
        if f.f_code.co_filename == common.PATH:
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
    common.STATE.reset()
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
    run.bw_done = list(common.STATE.bw_done)
    run.stub_used = common.STATE.stub_used
    run.modified = list(common.STATE.modified) + list(getattr(attempt, "modified", ()))
    if trace:
        try:
            run.events = culprits()
        except Exception:  # noqa: BLE001
            run.events = []
        run.writes = common.STATE.writes
        run.graph_writes = common.STATE.graph_writes
        run.grad_ptrs = common.STATE.grad_ptrs
        run.saved_ptrs = [(r.ptr, r.seq, bool(r.unpacks)) for r in common.STATE.saved if r.ptr]
    common.STATE.graph_writes = []
    common.STATE.grad_ptrs = set()
    common.STATE.saved = []
    common.STATE.writes = {}
    common.STATE.user_packed = {}
    attempt.cleanup()
    gc.collect()
    return run
