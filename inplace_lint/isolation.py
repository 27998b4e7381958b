"""Every file in its own bounded box: no single input can stop the scan.

Three layers, cheapest first:

* ``special_file``: FIFOs, devices and sockets are never opened (reading a
  FIFO blocks forever).
* ``prescan``: text that is known to blow up libcst (brackets nested
  thousands deep make its native parser overflow its stack and segfault;
  long runs of unary operators and million-character lines cost it minutes)
  is refused with a message before libcst sees it.  A cheap test runs first;
  the exact scan (which skips strings and comments) only when it fires.
* ``run``: parsing and analysis happen in a forked worker process, started
  once per process and reused for every file.  A native crash, a hang past
  the per-file time limit or a memory blow-up (an address-space limit in the
  worker) kills only the worker; the file is reported and the next file gets
  a fresh worker.  Before the hard limit, the worker's own timer stops the
  analysis cooperatively, so a slow file keeps what was found in time (an
  "analysis incomplete" note, see ``engine.budget``).

Where ``os.fork`` is missing, or threads are running in this process (forking
a threaded process is unsafe), files are checked in-process with only the
first two layers.
"""
from __future__ import annotations

import os
import pickle
import re
import select
import signal
import stat
import struct
import threading
from itertools import accumulate

from .findings import FileProblem

DEFAULT_TIME_LIMIT = 60.0  # seconds per file (config key ``file-time-limit``)
# The time limit counts the worker's CPU time (a busy machine must not turn
# into "incomplete" analyses): a timer stops the analysis cooperatively at the
# limit; RLIMIT_CPU kills a worker stuck in native code at 1.5 times the limit
# plus HARD_STOP_GRACE; a worker that makes no progress at all is killed after
# WALL_FACTOR times the limit in wall-clock time.
HARD_STOP_GRACE = 5.0
WALL_FACTOR = 10.0
MEMORY_HEADROOM = 3 << 30  # bytes of address space a worker may add to what it had when forked
OUT_OF_MEMORY = "not checked: the analysis ran out of memory"
CRASHED = "not checked: the checking process "  # + how it died + " on this file"
MAX_LINE_CHARS = 50_000
MAX_NESTING = 150  # brackets (CPython itself refuses more than 200)
MAX_UNARY_RUN = 100
MAX_ELIF_CHAIN = 1000  # libcst's parser overflows its stack at about 5,000

_NOT_BRACKET = re.compile(r"[^()\[\]{}]+")
_ELIF = re.compile(r"^[ \t]*elif\b", re.M)
_UNARY_HINT = re.compile(r"[-+~](?:\s*[-+~]){%d}|(?:\bnot\s+){%d}" % (MAX_UNARY_RUN - 1, MAX_UNARY_RUN))
# One token of interest for the exact scan: a string (any prefix, triple or
# single quoted), a comment, a bracket, or a run of unary operators.
_SCAN = re.compile(r"""
    (?P<str>[rRbBuUfF]{0,2}(?:\"\"\"(?:\\.|[^\\])*?\"\"\"|'''(?:\\.|[^\\])*?'''
        |"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))
  | (?P<comment>\#[^\n]*)
  | (?P<open>[(\[{]) | (?P<close>[)\]}])
  | (?P<unary>(?:(?<![\w)\]}])[-+~]\s*|\bnot\s+){%d,})
""" % MAX_UNARY_RUN, re.VERBOSE)


def special_file(path):
    """A message when ``path`` exists but is no regular file (never open those)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading it reports the error
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return FileProblem(path, f"not checked: {kind}, not a regular file")


def prescan(text, path):
    """A FileProblem when ``text`` is too deep or too long for libcst, else None."""
    longest = max(map(len, text.split("\n")))
    if longest > MAX_LINE_CHARS:
        lines = text.split("\n")
        n = next(i for i, ln in enumerate(lines, 1) if len(ln) > MAX_LINE_CHARS)
        return FileProblem(path, f"not checked: line {n} is {longest:,} characters long (the limit is "
                                 f"{MAX_LINE_CHARS:,})", n, 1)
    brackets = _NOT_BRACKET.sub("", text)
    naive = max(accumulate(1 if c in "([{" else -1 for c in brackets), default=0)
    problem = None
    if naive > MAX_NESTING or _UNARY_HINT.search(text):
        problem = _exact_scan(text, path)
    if problem is None and len(_ELIF.findall(text)) > MAX_ELIF_CHAIN:
        problem = _elif_chains(text, path)
    return problem


def _exact_scan(text, path):
    depth = 0
    for m in _SCAN.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, m.start()) + 1
                return FileProblem(path, f"not checked: brackets nested more than {MAX_NESTING} deep at line "
                                         f"{line}", line, 1)
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "unary":
            line = text.count("\n", 0, m.start()) + 1
            return FileProblem(path, f"not checked: more than {MAX_UNARY_RUN} unary operators in a row at line "
                                     f"{line}", line, 1)
    return None


def _elif_chains(text, path):
    chains = {}  # indentation -> elifs in the chain open at that indentation
    for n, line in enumerate(text.split("\n"), 1):
        body = line.lstrip(" \t")
        if not body or body.startswith("#"):
            continue
        indent = line[:len(line) - len(body)]
        if body.startswith("elif") and not (body[4:5].isalnum() or body[4:5] == "_"):
            chains[indent] = chains.get(indent, 0) + 1
            if chains[indent] > MAX_ELIF_CHAIN:
                return FileProblem(path, f"not checked: more than {MAX_ELIF_CHAIN} elif branches in one if "
                                         f"statement (line {n})", n, 1)
        elif not body.startswith("else"):
            chains[indent] = 0
    return None


def transient(problem):
    """Whether a result with this problem may differ next time (not to be cached)."""
    m = problem.message
    return m.startswith(("internal error", "not checked: still running", CRASHED,
                         "not checked: the analysis ran out")) or "time limit" in m


# ------------------------------------------------------------------ the worker
def run(fn, text, path, *args, shared=None, time_limit=None):
    """``fn(text, path, *args, shared)`` (a runner function returning a
    FileResult), in the worker when one can be used, else here.

    ``shared`` (the run's project index) is not sent with every file: the
    worker inherits it when it is forked, keeps what it learns in it from
    file to file, and is forked afresh when a call brings another one."""
    from .runner import FileResult  # the runner imports this module

    if not path.endswith(".ipynb"):
        problem = prescan(text, path)
        if problem is not None:
            return FileResult(path, [], problem)
    worker = _get_worker()
    if worker is None:
        return fn(text, path, *args, shared)
    limit = time_limit if time_limit is not None else DEFAULT_TIME_LIMIT
    if worker.shared is not shared:
        worker.restart_with(shared)
    job = (fn, text, path, args, limit, HARD_STOP_GRACE)
    used = worker.served > 0
    status, value = worker.call(job, limit)
    if status != "ok" and used and (value == OUT_OF_MEMORY or value.startswith(CRASHED)):
        # A worker that served many files holds what it learned from them (the
        # project's trees): a file that runs it out of memory gets one more try
        # in a fresh worker before it is reported.
        worker.restart_with(shared)
        status, value = worker.call(job, limit)
    if status == "ok":
        result, had_source = value
        if had_source:
            result.source = text  # not sent back: the caller has it
        return result
    return FileResult(path, [], FileProblem(path, value))


_worker = None


def _get_worker():
    global _worker
    if not hasattr(os, "fork") or os.environ.get("INPLACE_LINT_NO_WORKER"):
        return None
    if _worker is not None and _worker.owner == os.getpid():
        return _worker
    if threading.active_count() > 1:
        return None
    _worker = _Worker()
    return _worker


class _Worker:
    def __init__(self):
        self.owner = os.getpid()  # a process forked from ours must start its own
        self.pid = None
        self.shared = None  # what the worker inherited (see run)
        self.at_exit = False
        self.served = 0  # files the running worker has answered

    def restart_with(self, shared):
        self._stop()
        self.shared = shared

    def _start(self):
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            code = 0
            try:
                os.close(down_w)
                os.close(up_r)
                _serve(down_r, up_w, self.shared)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(down_r)
        os.close(up_w)
        self.pid, self.down, self.up = pid, down_w, up_r
        self.served = 0
        if not self.at_exit:
            # Reap the worker when this process ends: its CPU time then counts as
            # ours (for `time`, resource.getrusage, CI timings), and no orphan lingers.
            import atexit
            import sys

            atexit.register(self._exit)
            if "multiprocessing" in sys.modules:  # a pool's worker process ends without atexit
                from multiprocessing import util

                util.Finalize(None, self._exit, exitpriority=10)
            self.at_exit = True

    def _exit(self):
        if self.owner == os.getpid():
            self._stop(wait=True)

    def _stop(self, wait=False):
        """Kill the worker (after up to a second for it to exit by itself when
        ``wait``: it closed its end, so it is dying); its wait status."""
        import time

        if self.pid is None:
            return None
        for fd in (self.down, self.up):
            try:
                os.close(fd)
            except OSError:
                pass
        pid, self.pid = self.pid, None
        for _ in range(100 if wait else 0):
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                return None
            if done:
                return status
            time.sleep(0.01)
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return None

    def call(self, job, limit):
        """(status, value): ("ok", result) or ("problem", message)."""
        if self.pid is None:
            self._start()
        try:
            _send(self.down, job)
        except OSError:  # the worker is gone (killed from outside)
            self._stop()
            self._start()
            _send(self.down, job)
        # the worker stops the analysis itself at ``limit``; this is the hard stop
        reply = _receive(self.up, limit * WALL_FACTOR + HARD_STOP_GRACE)
        if reply is _TIMEOUT:
            self._stop()
            return "problem", f"not checked: still running after the per-file time limit ({limit:g} s)"
        if reply is _EOF:
            status = self._stop(wait=True)
            if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
                return "problem", f"not checked: still running after the per-file time limit ({limit:g} s)"
            return "problem", CRASHED + _describe(status) + " on this file"
        if reply[0] == "problem" and reply[1] == OUT_OF_MEMORY:
            self._stop()  # a process that ran out of memory may be in a bad state: start afresh
        else:
            self.served += 1
        return reply


def _send(fd, obj):
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(struct.pack("<Q", len(data)) + data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


_EOF, _TIMEOUT = object(), object()


def _receive(fd, timeout):
    """One message, or _EOF, or _TIMEOUT."""
    import time

    deadline = time.monotonic() + timeout if timeout is not None else None
    buf = bytearray()
    need = 8
    header = True
    while True:
        while len(buf) < need:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([fd], [], [], left)[0]:
                    return _TIMEOUT
            chunk = os.read(fd, max(need - len(buf), 1 << 16))
            if not chunk:
                return _EOF
            buf += chunk
        if not header:
            return pickle.loads(bytes(buf[8:need]))
        need = 8 + struct.unpack("<Q", bytes(buf[:8]))[0]
        header = False


def _describe(status):
    if status is None:
        return "died"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        return f"crashed ({name})"
    return f"exited with status {os.WEXITSTATUS(status)}"


def _serve(down, up, shared):  # pragma: no cover - runs in the child
    import gc

    from .engine import budget

    gc.freeze()  # the parent's objects are never garbage: keep collections to our own
    # libcst trees of big files are hundreds of thousands of objects that live
    # until the file is done: rarer collections halve the time on such files
    gc.set_threshold(100_000, 50, 100)
    # each file's tree is kept out of the collections too (runner._tree_out_of_collections),
    # and stays frozen: what is frozen is alive when it is frozen, and the worker's
    # project index keeps it for the worker's life anyway
    from . import runner

    runner._freeze_trees = os.getpid()
    _limit_memory()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent decides
    signal.signal(signal.SIGPROF, lambda *_: budget.expire())
    while True:
        job = _receive(down, None)
        if job is _EOF:
            return
        fn, text, path, args, limit, grace = job
        _limit_cpu(limit * 1.5 + grace)
        budget.reset()
        signal.setitimer(signal.ITIMER_PROF, limit)
        try:
            result = fn(text, path, *args, shared)
            had_source = result.source is text
            if had_source:
                result.source = None
            reply = ("ok", (result, had_source))
        except MemoryError:
            reply = ("problem", OUT_OF_MEMORY)
        except RecursionError:
            reply = ("problem", "not checked: the file is nested too deeply")
        except Exception as e:  # a bug must not lose the other files' results
            reply = ("problem", f"internal error: {type(e).__name__}: {e}")
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        try:
            _send(up, reply)
        except (pickle.PicklingError, TypeError, AttributeError) as e:
            _send(up, ("problem", f"internal error: cannot return the result: {e}"))


def _limit_cpu(seconds):  # pragma: no cover - runs in the child
    """SIGXCPU (which kills) once this job has used ``seconds`` of CPU time."""
    try:
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        want = int(usage.ru_utime + usage.ru_stime + seconds) + 1
        if hard == resource.RLIM_INFINITY or want <= hard:
            resource.setrlimit(resource.RLIMIT_CPU, (want, hard))
    except (ImportError, ValueError, OSError):
        pass  # the wall-clock stop still holds


def _limit_memory():  # pragma: no cover - runs in the child
    try:
        import resource

        with open("/proc/self/statm") as f:
            size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = size + MEMORY_HEADROOM
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        if soft == resource.RLIM_INFINITY or soft > want:
            resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (OSError, ValueError, ImportError, AttributeError):
        pass  # no /proc or no rlimits: the time limit still holds
