"""Limits the worker puts on itself: resource limits, the private result
channel, no network, the time slice of one attempt."""
import os
import resource
import signal
import sys

from . import common
from .common import ReplayTimeout


def sandbox_begin(req):
    """Before torch: private result fd, user stdout to /dev/null, limits, no network."""
    common.RESULT_FD = os.dup(1)
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
