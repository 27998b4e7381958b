"""The module host: a child of the worker that loads the replayed file's
module (its imports, constants, functions, classes) once.  The runs of the
entry-point and synthesised attempts fork from it, so each starts from a fresh
copy of the loaded module and the module's top-level side effects happen once
per file, not once per run.

The host runs user code (the module's top level), so it is sandboxed like a run
child: it holds neither the request nor the result pipe, and sits in a nested
Landlock domain.  It answers the worker's commands (``{"attempt", "trace",
"slice"}``) with the run's report, the same JSON a run child sends; when it hangs
or dies, the worker kills it and runs the remaining attempts without it.
"""
import ast
import json
import os
import select
import signal
import sys
import time

from . import common, sandbox
from .attempts import MODNAME, EntryAttempt, MainAttempt, build_env
from .common import first_line
from .run import GRACE_S, do_run, run_from_json, run_to_json
from .sandbox import call_limited
from .synth import SynthAttempt


def describe(att):
    """What the host needs to rebuild the attempt, or None (not run by the host)."""
    if isinstance(att, EntryAttempt):
        return {"type": "entry", "name": att.name}
    if isinstance(att, MainAttempt):
        return {"type": "main"}
    if isinstance(att, SynthAttempt) and not att.rewrites:  # a rewritten module is loaded anew
        return {"type": "synth", "kind": att.kind, "owner": att.owner, "fn_line": att.fn.lineno,
                "variant": att.variant, "mode": att.mode, "drop": list(att.drop),
                "hint": list(att.hint) if att.hint else None}
    return None


def rebuild(index, d):
    if d["type"] == "entry":
        return EntryAttempt(index, d["name"])
    if d["type"] == "main":
        return MainAttempt(index)
    fn = [n for n in ast.walk(index.tree)
          if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.lineno == d["fn_line"]][0]
    return SynthAttempt(index, d["kind"], d["owner"], fn, d["variant"], mode=d["mode"], drop=d["drop"],
                        hint=d["hint"])


def _send(fd, obj):
    data = (json.dumps(obj) + "\n").encode("utf-8")
    while data:
        data = data[os.write(fd, data):]


class _Reader:
    def __init__(self, fd):
        self.fd = fd
        self.buf = b""

    def read(self, deadline):
        """The next JSON line as a dict; None at end of file, on a bad line or past the deadline."""
        while b"\n" not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        try:
            obj = json.loads(line.decode("utf-8"))
        except ValueError:
            return None
        return obj if isinstance(obj, dict) else None


def _host_main(index, cmd_fd, rep_fd, slice_s):
    sandbox.enter_run_child(keep=(cmd_fd, rep_fd))
    sandbox.become_subreaper()
    common.STATE.reset()
    sys.settrace(None)
    try:
        env = call_limited(lambda: build_env(index), slice_s)
    except BaseException as e:  # noqa: BLE001 - the user's top level may raise anything
        _send(rep_fd, {"ok": False, "why": "%s: %s" % (type(e).__name__, first_line(e, 160))})
        return
    common.PREBUILT = (env, sys.modules.get(MODNAME), list(common.STATE.modified),
                       common.STATE.stub_used)
    _send(rep_fd, {"ok": True})
    reader = _Reader(cmd_fd)
    while True:
        cmd = reader.read(time.time() + 3600)
        if cmd is None:
            return
        try:
            att = rebuild(index, cmd["attempt"])
            run = do_run(att, trace=bool(cmd["trace"]), slice_s=float(cmd["slice"]))
            _send(rep_fd, {"run": run_to_json(run)})
        except Exception as e:  # noqa: BLE001
            _send(rep_fd, {"error": "%s: %s" % (type(e).__name__, first_line(e, 160))})


class ModuleHost:
    def __init__(self, index, slice_s):
        self.pid = None
        self.why = ""
        cr, cw = os.pipe()  # commands, worker -> host
        rr, rw = os.pipe()  # reports, host -> worker
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(cw)
                os.close(rr)
                _host_main(index, cr, rw, slice_s)
            finally:
                os._exit(0)
        os.close(cr)
        os.close(rw)
        self.pid, self.cmd, self.rep = pid, cw, _Reader(rr)
        msg = self.rep.read(time.time() + slice_s + GRACE_S)
        if not msg or not msg.get("ok"):
            self.why = (msg or {}).get("why") or "the module could not be loaded in time"
            self.close()

    @property
    def alive(self):
        return self.pid is not None

    def run(self, att, trace, slice_s):
        """The Run of att from a fork of the host, or None (then the host is gone)."""
        d = describe(att)
        if d is None or not self.alive:
            return None
        try:
            _send(self.cmd, {"attempt": d, "trace": trace, "slice": slice_s})
        except OSError:
            self.close()
            return None
        msg = self.rep.read(time.time() + slice_s + 2 * GRACE_S + 1.0)
        if not msg or "run" not in msg:
            self.close()
            return None
        try:
            return run_from_json(msg["run"])
        except (ValueError, TypeError, KeyError):
            return None
        finally:
            sandbox.sweep(keep=(self.pid,))

    def close(self):
        if self.pid is None:
            return
        for fd in (self.cmd, self.rep.fd):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self.pid = None
        sandbox.sweep()
