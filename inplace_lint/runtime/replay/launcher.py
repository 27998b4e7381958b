"""Replay: confirm or refute static findings by running the code under autograd.

    from inplace_lint.runtime.replay import confirm
    confirm(findings, timeout=20.0, jobs=None, memory_mb=2048)

This module is the linter's side: it never imports torch and never runs user code.

For each finding, ``finding.extra["confirmed"]`` becomes ``True`` (the predicted
failure really happens at or through the flagged line), ``False`` (the line ran,
backward ran, nothing failed) or ``None`` (undecided: inputs could not be built,
the line was not reached, a dependency is missing, a timeout, a crash), and
``finding.extra["replay"]`` holds ``{"verdict", "reason", ...}`` with, where
known, ``mutation_line``, ``save_line``, ``error`` (first line of the torch
error) and ``strategy`` (what was run).

This module never imports torch and never runs user code itself: each file is
replayed by the worker (``worker.py`` and the modules it loads) in its own subprocess, with a wall-clock limit
(the process group is killed when it runs over), an address-space limit, a
file-size limit, a scrubbed environment, a temporary working directory and, where
the platform allows it, no network.  Files run in parallel (``jobs``, default
``os.cpu_count()``).  Whatever happens to a worker, the scan goes on: findings it
did not report are ``undecided`` with the reason.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

__all__ = ["confirm", "replay_file"]

# the directory that holds the inplace_lint package: the worker is loaded from this checkout
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
WORKER_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); "
               "from inplace_lint.runtime.replay import worker; worker.run()")
GRACE_S = 2.0  # the worker stops itself just before `timeout`; the kill comes this much later
FSIZE_MB = 64
# Run the file's own zero-argument entry points (run(), main(), the __main__ block)
# before synthesising calls.  Off only to measure synthesis alone (bench/replay_corpus.py).
ENTRY_POINTS = True

_CONFIRMED = {"confirmed": True, "refuted": False, "undecided": None}


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
    for key in ("PYTHONPATH", "LD_LIBRARY_PATH", "VIRTUAL_ENV", "CONDA_PREFIX"):
        if os.environ.get(key):
            env[key] = os.environ[key]
    return env


def _undecided(reason: str) -> dict:
    return {"verdict": "undecided", "reason": reason}


def replay_file(path: str, items: list, *, timeout: float = 20.0, memory_mb: int = 2048) -> dict:
    """Replay the findings of one file in a sandboxed subprocess.

    ``items``: dicts with ``id``, ``code``, ``line``, ``column``, ``related`` (lines).
    Returns ``{id: {"verdict", "reason", ...}}`` for every item.
    """
    ids = [it["id"] for it in items]
    results: dict = {}
    if not os.path.isfile(path):
        return {i: _undecided("file not found: %s" % path) for i in ids}
    if not path.endswith(".py"):
        return {i: _undecided("only .py files are replayed") for i in ids}
    tmp = tempfile.mkdtemp(prefix="ipl-replay-")
    req = {
        "path": os.path.abspath(path),
        "findings": items,
        "timeout": float(timeout),
        "started": time.time(),
        "memory_mb": int(memory_mb),
        "fsize_mb": FSIZE_MB,
        "entry_points": bool(ENTRY_POINTS),
    }
    err_path = os.path.join(tmp, ".worker-stderr")
    proc = None
    out = b""
    why = None
    try:
        with open(err_path, "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-X", "utf8", "-c", WORKER_BOOT, ROOT],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                cwd=tmp, env=_env(tmp), start_new_session=True, close_fds=True,
            )
            try:
                out, _ = proc.communicate(json.dumps(req).encode("utf-8"), timeout=float(timeout) + GRACE_S)
            except subprocess.TimeoutExpired:
                why = "timeout after %.0f s (worker killed)" % timeout
                _kill(proc)
                try:
                    out, _ = proc.communicate(timeout=5)
                except (subprocess.TimeoutExpired, OSError, ValueError):
                    out = b""
        if why is None and proc.returncode not in (0, None):
            rc = proc.returncode
            if rc < 0:
                try:
                    sig = signal.Signals(-rc).name
                except ValueError:
                    sig = str(-rc)
                why = "replay crashed (signal %s)" % sig
            else:
                why = "replay crashed (exit %d)%s" % (rc, _tail(err_path))
    except OSError as e:
        why = "cannot start the replay worker: %s" % e
    finally:
        if proc is not None and proc.poll() is None:
            _kill(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    for raw in out.decode("utf-8", "replace").splitlines():
        try:
            d = json.loads(raw)
        except ValueError:
            continue
        if isinstance(d, dict) and d.get("id") in ids:
            results[d.pop("id")] = d
    for i in ids:
        if i not in results:
            results[i] = _undecided(why or "replay ended without a verdict%s" % "")
    return results


def _tail(err_path: str) -> str:
    try:
        with open(err_path, "rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - 2000))
            lines = [ln for ln in fh.read().decode("utf-8", "replace").splitlines() if ln.strip()]
        return (": " + lines[-1][:200]) if lines else ""
    except OSError:
        return ""


def _kill(proc) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, ProcessLookupError):
        try:
            proc.kill()
        except OSError:
            pass


def confirm(findings, *, timeout: float = 20.0, jobs=None, memory_mb: int = 2048) -> None:
    """Replay every finding's file under autograd and record the verdicts in
    ``finding.extra["confirmed"]`` and ``finding.extra["replay"]`` (see the module
    docstring).  ``timeout`` is the wall-clock budget of one file's worker."""
    findings = list(findings)
    by_file: dict = {}
    for i, f in enumerate(findings):
        if getattr(f, "cell", None) is not None:
            _set(f, _undecided("notebook cells are not replayed"))
            continue
        by_file.setdefault(os.path.abspath(f.path), []).append(i)
    if not by_file:
        return
    jobs = max(1, int(jobs or os.cpu_count() or 1))

    def one(item):
        path, idxs = item
        items = []
        for i in idxs:
            f = findings[i]
            items.append({
                "id": i, "code": f.code, "line": f.line, "column": f.column,
                "related": [r.line for r in (f.related or ())],
            })
        try:
            return idxs, replay_file(path, items, timeout=timeout, memory_mb=memory_mb)
        except Exception as e:  # noqa: BLE001 - a replay never crashes the scan
            return idxs, {i: _undecided("replay failed: %s" % e) for i in idxs}

    # big files first, so that the pool drains evenly
    work = sorted(by_file.items(), key=lambda kv: -len(kv[1]))
    with ThreadPoolExecutor(max_workers=min(jobs, len(work))) as pool:
        for idxs, res in pool.map(one, work):
            for i in idxs:
                _set(findings[i], res.get(i) or _undecided("no verdict"))


def _set(f, rep: dict) -> None:
    rep = dict(rep)
    rep.setdefault("reason", "")
    verdict = rep.get("verdict", "undecided")
    if verdict not in _CONFIRMED:
        verdict = rep["verdict"] = "undecided"
    f.extra["confirmed"] = _CONFIRMED[verdict]
    f.extra["replay"] = rep
