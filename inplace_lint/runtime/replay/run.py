"""One run of one attempt, and what it left behind (exception, lines run, trace events)."""
import contextlib
import json
import os
import select
import signal
import sys
import time

import torch

from . import common
from .common import BuildFailed, LEAF_MSG, MEM_MSGS, OUT_MSG, VC_MSG, VIEW_MSGS, first_line
from . import sandbox
from .sandbox import call_limited
from .trace import CudaOnCpu, TraceMode, Tracer, _module_line, culprits


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
        self.input_ptrs = set()  # storage of the synthesised inputs (synthesised calls)
        self.input_shapes = []  # their shapes

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


GRACE_S = 2.0  # a run child still alive this long after its time slice is killed

_RUN_FIELDS = ("kind", "exc_type", "msg", "tb_lines", "exc_line", "bw_done", "stub_used", "traced",
               "saved_ptrs", "modified")


def run_to_json(run):
    d = {k: getattr(run, k) for k in _RUN_FIELDS}
    d["lines_first"] = sorted(run.lines_first.items())
    d["events"] = [(k, sorted(lines), m, s) for k, lines, m, s in run.events]
    d["writes"] = sorted(run.writes.items())
    d["graph_writes"] = run.graph_writes
    d["grad_ptrs"] = sorted(run.grad_ptrs)
    d["input_ptrs"] = sorted(run.input_ptrs)
    d["input_shapes"] = run.input_shapes
    return d


def run_from_json(d):
    """The run child's report, parsed by the worker (plain data only: JSON, never pickle)."""
    run = Run()
    for k in _RUN_FIELDS:
        if k in d:
            setattr(run, k, d[k])
    run.lines_first = {int(a): int(b) for a, b in d.get("lines_first", ())}
    run.events = [(k, set(lines), m, s) for k, lines, m, s in d.get("events", ())]
    run.writes = {int(p): [(s, list(ls)) for s, ls in ws] for p, ws in d.get("writes", ())}
    run.graph_writes = [(s, list(ls), list(ps), bool(rg)) for s, ls, ps, rg in d.get("graph_writes", ())]
    run.grad_ptrs = set(d.get("grad_ptrs", ()))
    run.saved_ptrs = [tuple(x) for x in d.get("saved_ptrs", ())]
    run.input_ptrs = set(d.get("input_ptrs", ()))
    run.input_shapes = [list(s) for s in d.get("input_shapes", ())][:16]
    return run


def do_run(attempt, trace=False, slice_s=5.0):
    """Run the attempt in a child process: the user's code never runs in the
    worker, which holds the result pipe.  The child reports its Run as JSON."""
    r, w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the run child
        try:
            os.close(r)
            sandbox.enter_run_child(keep=(w,))
            run = _run_here(attempt, trace, slice_s)
            data = json.dumps(run_to_json(run)).encode("utf-8")
            while data:
                data = data[os.write(w, data):]
        finally:
            os._exit(0)
    os.close(w)
    # Read until the child exits, not until end of file: processes it forked may
    # hold the pipe open (they are swept below).
    chunks = []
    deadline = time.time() + slice_s + GRACE_S
    timed_out = False
    status = None
    os.set_blocking(r, False)
    try:
        while True:
            ready, _, _ = select.select([r], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(r, 1 << 20)
                except BlockingIOError:
                    chunk = None
                if chunk:
                    chunks.append(chunk)
                    continue
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                while True:  # what the child wrote before it exited
                    try:
                        chunk = os.read(r, 1 << 20)
                    except BlockingIOError:
                        break
                    if not chunk:
                        break
                    chunks.append(chunk)
                break
            if time.time() > deadline:
                timed_out = True
                break
    finally:
        os.close(r)
        if status is None:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            _, status = os.waitpid(pid, 0)
        sandbox.sweep()  # whatever the user's code started dies with the run
    run = None
    if not timed_out:
        try:
            run = run_from_json(json.loads(b"".join(chunks).decode("utf-8")))
        except (ValueError, TypeError, KeyError):
            run = None
    if run is None:
        run = Run()
        run.traced = trace
        if timed_out:
            run.kind, run.exc_type = "TIMEOUT", "ReplayTimeout"
        else:
            code = os.waitstatus_to_exitcode(status)
            run.kind, run.exc_type = "OTHER", "ReplayCrash"
            if code < 0:
                try:
                    run.msg = "the run died of signal %s" % signal.Signals(-code).name
                except ValueError:
                    run.msg = "the run died of signal %d" % -code
                if -code == signal.SIGKILL:
                    run.msg += " (out of memory, or the code killed itself)"
            else:
                run.msg = "the run exited (%d) without a report" % code
    attempt.cleanup()
    return run


def _run_here(attempt, trace, slice_s):
    common.STATE.reset()
    run = Run()
    run.traced = trace
    tracer = Tracer(getattr(attempt, "capture", None))
    attempt.tracer = tracer
    tm = TraceMode() if trace else None

    def body():
        torch.manual_seed(0)
        with contextlib.ExitStack() as stack:
            if common.MAP_CUDA:
                stack.enter_context(CudaOnCpu())
            if tm is not None:
                stack.enter_context(tm)
            attempt.execute()

    sys.settrace(tracer.global_trace)
    try:
        call_limited(body, slice_s)
    except BaseException as e:  # noqa: BLE001 - the user's code may raise anything
        sys.settrace(None)
        if isinstance(e, SystemExit) and not e.code:
            pass
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
    run.input_ptrs = set(getattr(attempt, "input_ptrs", ()) or ())
    run.input_shapes = list(getattr(attempt, "input_shapes", ()) or ())
    return run
