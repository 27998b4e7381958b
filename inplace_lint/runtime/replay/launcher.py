"""Replay, the linter's side: confirm or refute static findings by running the
code under autograd.

    from inplace_lint.runtime.replay import confirm
    summary = confirm(findings, timeout=20.0, jobs=None, memory_mb=2048)

This module never imports torch and never runs user code.

For each finding, ``finding.extra["confirmed"]`` becomes ``True`` (the predicted
failure really happens at or through the flagged line), ``False`` (the line ran,
backward ran, nothing failed) or ``None`` (undecided: inputs could not be built,
the line was not reached, a dependency is missing, a timeout, a crash), and
``finding.extra["replay"]`` holds ``{"verdict", "reason", ...}`` with, where
known, ``mutation_line``, ``save_line``, ``error`` (first line of the torch
error) and ``strategy`` (what was run).

Each job has one warm worker process (``worker.py``), started once and reused
for file after file, so torch and the files' installed packages are imported
once per job.  The worker sandboxes itself (``sandbox.py``) and refuses to start
when the promised isolation cannot be had: :class:`ReplayUnavailable` is raised
(the CLI exits 2) unless ``unsandboxed=True``.  Whatever happens to a worker, the
scan goes on: findings it did not report are ``undecided`` with the reason, and
the next file gets a fresh worker.
"""
from __future__ import annotations

import collections
import json
import os
import queue
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

__all__ = ["confirm", "replay_file", "ReplayUnavailable", "Summary"]

# the directory that holds the inplace_lint package: the worker is loaded from this checkout
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
WORKER_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); "
               "from inplace_lint.runtime.replay import worker; worker.run()")
GRACE_S = 5.0  # the worker stops itself just before `timeout` (a run 2 s after its slice); the kill comes later
FSIZE_MB = 64
START_S = 120.0  # a worker must import torch within this
IMPORT_S = 180.0  # ... and load a file's packages and module within max(this, 3 x budget + 60 s): not budget
# Run the file's own zero-argument entry points (run(), main(), the __main__ block)
# before synthesising calls.  Off only to measure synthesis alone (bench/replay_corpus.py).
ENTRY_POINTS = True

_CONFIRMED = {"confirmed": True, "refuted": False, "undecided": None}


class ReplayUnavailable(Exception):
    """Replay cannot run here at all (no torch, or no sandbox): nothing was replayed."""


def _env(tmp: str) -> dict:
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": tmp,
        "TMPDIR": tmp,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "CUDA_VISIBLE_DEVICES": "",
        "MPLBACKEND": "Agg",
        "WANDB_MODE": "disabled",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    # only what is needed to find the interpreter's own packages and libraries (e.g. torch)
    for key in ("PYTHONPATH", "LD_LIBRARY_PATH", "VIRTUAL_ENV", "CONDA_PREFIX", "IPL_REPLAY_DEBUG"):
        if os.environ.get(key):
            env[key] = os.environ[key]
    return env


def _disabled() -> list:
    """INPLACE_LINT_REPLAY_DISABLE=landlock,pidns,...: do without these protections,
    as on a system that lacks them (to test the refusal, or to diagnose a sandbox
    that breaks a replay).  Names: netns, mountns, pidns, subreaper, seccomp, landlock."""
    raw = os.environ.get("INPLACE_LINT_REPLAY_DISABLE", "")
    return [x.strip() for x in raw.split(",") if x.strip()]


def _undecided(reason: str) -> dict:
    return {"verdict": "undecided", "reason": reason}


class _Lines:
    """Lines from a pipe, with a deadline (the worker may hang or die)."""

    def __init__(self, fd):
        self.fd = fd
        self.buf = b""

    def read(self, deadline):
        """The next JSON object, None at end of file, or raises TimeoutError."""
        while True:
            nl = self.buf.find(b"\n")
            if nl >= 0:
                line, self.buf = self.buf[:nl], self.buf[nl + 1:]
                try:
                    obj = json.loads(line.decode("utf-8", "replace"))
                except ValueError:
                    continue
                if isinstance(obj, dict):
                    return obj
                continue
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                return None
            self.buf += chunk


class Worker:
    """One sandboxed worker process, reused for file after file."""

    def __init__(self, *, memory_mb: int, unsandboxed: bool):
        self.tmp = tempfile.mkdtemp(prefix="ipl-replay-")
        self.err_path = os.path.join(tempfile.gettempdir(), os.path.basename(self.tmp) + ".stderr")
        self.protections = {}
        with open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-X", "utf8", "-c", WORKER_BOOT, ROOT],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                cwd=self.tmp, env=_env(self.tmp), start_new_session=True, close_fds=True,
            )
        self.lines = _Lines(self.proc.stdout.fileno())
        hello = {"tmp": self.tmp, "memory_mb": int(memory_mb), "fsize_mb": FSIZE_MB,
                 "unsandboxed": bool(unsandboxed), "disable": _disabled()}
        try:
            self._send(hello)
            msg = self.lines.read(time.time() + START_S)
        except (TimeoutError, OSError):
            msg = None
        if msg is None or "ready" not in msg:
            tail = self._tail()
            self.close()
            if msg is not None and msg.get("fatal") == "sandbox":
                raise ReplayUnavailable(
                    "--confirm cannot sandbox the replayed code here: %s. Pass --confirm-unsandboxed to replay "
                    "without that protection (it runs your code)" % msg.get("reason"))
            if msg is not None and msg.get("fatal") == "torch":
                raise ReplayUnavailable("--confirm needs torch (pip install 'inplace-lint[runtime]'): %s"
                                        % msg.get("reason"))
            raise ReplayUnavailable("the replay worker did not start%s" % tail)
        self.protections = msg["ready"]

    def _send(self, obj):
        self.proc.stdin.write((json.dumps(obj) + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def replay(self, path: str, items: list, timeout: float) -> dict:
        """{id: verdict dict} for the items the worker reported; raises
        _WorkerLost (with the partial results) when the worker hung or died."""
        ids = {it["id"] for it in items}
        results = {}
        req = {"path": path, "findings": items, "timeout": float(timeout), "entry_points": bool(ENTRY_POINTS)}
        try:
            self._send(req)
            deadline = time.time() + max(IMPORT_S, 3 * float(timeout) + 60.0)
            import_s = None
            while True:
                msg = self.lines.read(deadline)
                if msg is None:
                    raise _WorkerLost(results, self._death())
                if "started" in msg:
                    deadline = time.time() + float(timeout) + GRACE_S
                    import_s = msg["started"]
                elif "done" in msg:
                    return results
                elif msg.get("id") in ids and isinstance(msg.get("verdict"), str):
                    if isinstance(import_s, (int, float)):
                        msg["import_s"] = round(float(import_s), 2)  # not part of the file's budget
                    results[msg.pop("id")] = msg
        except TimeoutError:
            self.kill()
            raise _WorkerLost(results, "timeout after %.0f s (worker killed)" % timeout)
        except OSError as e:
            raise _WorkerLost(results, "replay worker lost: %s" % e)

    def _death(self):
        try:
            rc = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            rc = self.proc.returncode
        if rc is not None and rc < 0:
            try:
                return "replay crashed (signal %s)" % signal.Signals(-rc).name
            except ValueError:
                return "replay crashed (signal %d)" % -rc
        return "replay crashed (exit %s)%s" % (rc, self._tail())

    def _tail(self) -> str:
        try:
            with open(self.err_path, "rb") as fh:
                fh.seek(0, 2)
                size = fh.tell()
                fh.seek(max(0, size - 2000))
                lines = [ln for ln in fh.read().decode("utf-8", "replace").splitlines() if ln.strip()]
            return (": " + lines[-1][:200]) if lines else ""
        except OSError:
            return ""

    def kill(self):
        """SIGTERM to the supervisor: it kills the worker (and with it the pid
        namespace, which the kernel empties before the worker's exit completes) and
        sweeps what is left.  Then SIGKILL for the whole process group."""
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGTERM)
            except OSError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self.kill()
        for stream in (self.proc.stdout,):
            try:
                stream.close()
            except OSError:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)
        try:
            os.unlink(self.err_path) if not os.environ.get("IPL_REPLAY_DEBUG") else None
        except OSError:
            pass


class _WorkerLost(Exception):
    def __init__(self, results, why):
        super().__init__(why)
        self.results = results
        self.why = why


def _check_file(path: str):
    if not os.path.isfile(path):
        return "file not found: %s" % path
    if not path.endswith(".py"):
        return "only .py files are replayed"
    return None


def replay_file(path: str, items: list, *, timeout: float = 20.0, memory_mb: int = 2048,
                unsandboxed: bool = False) -> dict:
    """Replay the findings of one file in a fresh sandboxed worker.

    ``items``: dicts with ``id``, ``code``, ``line``, ``column``, ``related`` (lines).
    Returns ``{id: {"verdict", "reason", ...}}`` for every item.
    """
    ids = [it["id"] for it in items]
    bad = _check_file(path)
    if bad:
        return {i: _undecided(bad) for i in ids}
    w = Worker(memory_mb=memory_mb, unsandboxed=unsandboxed)
    try:
        try:
            res = w.replay(os.path.abspath(path), items, timeout)
            why = "replay ended without a verdict"
        except _WorkerLost as e:
            res, why = e.results, e.why
    finally:
        w.close()
    return {i: res.get(i) or _undecided(why) for i in ids}


class Summary:
    """What ``confirm`` did: verdict counts, the reasons of the undecided, the sandbox."""

    def __init__(self):
        self.counts = collections.Counter()
        self.reasons = collections.Counter()
        self.protections = {}

    def add(self, rep: dict):
        self.counts[rep["verdict"]] += 1
        if rep["verdict"] == "undecided":
            self.reasons[_reason_kind(rep.get("reason", ""))] += 1

    def line(self) -> str:
        """``5 confirmed, 1 refuted, 2 undecided: 1 time limit reached, 1 ...``"""
        out = "%d confirmed, %d refuted, %d undecided" % (
            self.counts["confirmed"], self.counts["refuted"], self.counts["undecided"])
        if self.reasons:
            out += ": " + ", ".join("%d %s" % (n, r) for r, n in self.reasons.most_common(5))
        return out

    def sandbox_line(self) -> str:
        p = self.protections
        if not p:
            return ""
        out = "replay sandbox: network: %s; files: %s; processes: %s; signals: %s" % (
            p.get("network"), p.get("files"), p.get("processes"), p.get("signals"))
        if p.get("missing"):
            out += " (UNSANDBOXED: %s)" % "; ".join(p["missing"])
        return out


def _reason_kind(reason: str) -> str:
    """The gist of an undecided reason, to count alike ones together:
    ``f(synthesised inputs ...) stopped before the line: KeyError ...`` -> ``stopped before the line``."""
    r = re.sub(r"^[\w.]+\((synthesised [^)]*)?\)\s+", "", reason.strip())
    r = re.split(r": | \(| (?:in|by) (?:[\w.]+\(|the module|the __main__)", r)[0].strip()
    if len(r) > 80:
        r = r[:80].rsplit(" ", 1)[0] + " ..."
    return r or "no reason"


def confirm(findings, *, timeout: float = 20.0, jobs=None, memory_mb: int = 2048,
            unsandboxed: bool = False) -> Summary:
    """Replay every finding's file under autograd and record the verdicts in
    ``finding.extra["confirmed"]`` and ``finding.extra["replay"]`` (see the module
    docstring).  ``timeout`` is one file's budget, counted after its imports.
    Raises ReplayUnavailable when no worker can start (no torch, no sandbox)."""
    findings = list(findings)
    summary = Summary()
    by_file: dict = {}
    for i, f in enumerate(findings):
        if getattr(f, "cell", None) is not None:
            _set(f, _undecided("notebook cells are not replayed"), summary)
            continue
        by_file.setdefault(os.path.abspath(f.path), []).append(i)
    if not by_file:
        return summary
    work = queue.Queue()
    # big files first, so that the pool drains evenly
    for path, idxs in sorted(by_file.items(), key=lambda kv: -len(kv[1])):
        bad = _check_file(path)
        if bad:
            for i in idxs:
                _set(findings[i], _undecided(bad), summary)
        else:
            work.put((path, idxs))
    if work.empty():
        return summary
    jobs = max(1, min(int(jobs or os.cpu_count() or 1), work.qsize()))
    lock = threading.Lock()
    fatal = []

    def serve():
        w = None
        try:
            while not fatal:
                try:
                    path, idxs = work.get_nowait()
                except queue.Empty:
                    return
                items = [{"id": i, "code": findings[i].code, "line": findings[i].line,
                          "column": findings[i].column, "related": [r.line for r in (findings[i].related or ())]}
                         for i in idxs]
                why = "replay ended without a verdict"
                res = {}
                try:
                    if w is None:
                        w = Worker(memory_mb=memory_mb, unsandboxed=unsandboxed)
                        summary.protections = w.protections
                    res = w.replay(path, items, timeout)
                except ReplayUnavailable as e:
                    fatal.append(e)
                    return
                except _WorkerLost as e:
                    res, why = e.results, e.why
                    w.close()
                    w = None  # the next file gets a fresh worker
                except Exception as e:  # noqa: BLE001 - a replay never crashes the scan
                    why = "replay failed: %s" % e
                with lock:
                    for i in idxs:
                        _set(findings[i], res.get(i) or _undecided(why), summary)
        finally:
            if w is not None:
                w.close()

    threads = [threading.Thread(target=serve, daemon=True) for _ in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if fatal:
        raise fatal[0]
    return summary


def _set(f, rep: dict, summary: Summary) -> None:
    rep = dict(rep)
    rep.setdefault("reason", "")
    verdict = rep.get("verdict", "undecided")
    if verdict not in _CONFIRMED:
        verdict = rep["verdict"] = "undecided"
    f.extra["confirmed"] = _CONFIRMED[verdict]
    f.extra["replay"] = rep
    summary.add(rep)
