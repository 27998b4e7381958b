"""The few torch entry points watch() wraps while a session is active.

* ``saved_tensors_hooks.__enter__``: a user's hooks (``save_on_cpu``...)
  are composed with ours instead of hiding them;
* ``torch.autograd.backward`` / ``grad``: the write-watching dispatch mode is
  popped while backward runs (nothing saved can go stale then; this is most of
  what keeps full mode cheap);
* ``torch.autograd.graph.disable_saved_tensors_hooks``: torch.func transforms
  (``grad``, ``vjp``, ``jacrev``...) refuse to run while saved-tensor hooks are
  installed, so watch() steps aside for their duration (one note per process).

All are installed once for any number of sessions and removed with the last.
"""
from __future__ import annotations

import functools
import threading
import warnings

import torch
import torch.autograd.graph as _graph

from .errors import InplaceWatchNote

_tls = threading.local()
_lock = threading.Lock()
_count = 0
_orig = {}
_noted = []


def active_session():
    return getattr(_tls, "session", None)


def _patched_enter(self):
    s = active_session()
    if s is None:
        return _orig["enter"](self)
    s.push_user_hooks(self.pack_hook, self.unpack_hook)


def _suspending(orig):
    @functools.wraps(orig)
    def wrapper(*args, **kwargs):
        s = active_session()
        if s is None or not s.suspend():
            return orig(*args, **kwargs)
        try:
            return orig(*args, **kwargs)
        finally:
            s.resume()

    wrapper.__wrapped_by_inplace_lint__ = orig
    return wrapper


class _StepAside:
    """Replacement for ``disable_saved_tensors_hooks(message)``: when our
    hooks are the ones installed, take them (and the dispatch mode) off for
    the duration, then disable as torch asked."""

    def __init__(self, error_message):
        self.message = error_message
        self.session = None
        self.inner = None

    def __enter__(self):
        s = active_session()
        if s is not None and s.step_aside():
            self.session = s
            if not _noted:
                _noted.append(True)
                warnings.warn(
                    "inplace-lint watch: torch.func transforms (grad, vjp, jacrev, "
                    "hessian) do not support saved-tensor hooks; watch() steps "
                    "aside inside them, so tensors saved there are not checked",
                    InplaceWatchNote,
                    stacklevel=3,
                )
        self.inner = _orig["disable"](self.message)
        try:
            self.inner.__enter__()
        except BaseException:
            if self.session is not None:
                self.session.step_back()
            raise
        return None

    def __exit__(self, *exc):
        try:
            return self.inner.__exit__(*exc)
        finally:
            if self.session is not None:
                self.session.step_back()


def install():
    global _count
    with _lock:
        if _count == 0:
            _orig["enter"] = _graph.saved_tensors_hooks.__enter__
            _orig["backward"] = torch.autograd.backward
            _orig["grad"] = torch.autograd.grad
            _orig["disable"] = _graph.disable_saved_tensors_hooks
            _graph.saved_tensors_hooks.__enter__ = _patched_enter
            torch.autograd.backward = _suspending(_orig["backward"])
            torch.autograd.grad = _suspending(_orig["grad"])
            _graph.disable_saved_tensors_hooks = _StepAside
        _count += 1


def remove():
    global _count
    with _lock:
        _count -= 1
        if _count == 0:
            _graph.saved_tensors_hooks.__enter__ = _orig["enter"]
            torch.autograd.backward = _orig["backward"]
            torch.autograd.grad = _orig["grad"]
            _graph.disable_saved_tensors_hooks = _orig["disable"]
