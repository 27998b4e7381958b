"""The public face of watch mode: the ``watch`` context manager /
decorator, :func:`run_script`, and the translation of torch's own in-place
errors that escape the block into reports naming the user's line."""
from __future__ import annotations

import functools
import os
import runpy
import sys
import traceback
from typing import Callable, Iterable, List, Optional

from . import frames, patches
from .errors import InplaceHazardError, TorchLikeError
from .report import warn
from .session import Session


# --------------------------------------------------------------------------
# torch's own errors escaping the block

_LEAF = "a leaf Variable that requires grad is being used in an in-place operation"
_VIEW_MARKERS = (
    "is a view and is being modified inplace",
    "A view was created in no_grad mode and is being modified inplace",
    "a view of a leaf Variable that requires grad",
)
_VERSION = "one of the variables needed for gradient computation has been modified"


def _exc_user_line(exc) -> str:
    """The innermost user line of the traceback (else the innermost library
    line)."""
    tb = exc.__traceback__
    last = lib = None
    while tb is not None:
        fn = tb.tb_frame.f_code.co_filename
        kind = frames.classify(fn)
        if kind == frames.USER:
            last = (fn, tb.tb_lineno)
        elif kind == frames.LIBRARY:
            lib = (fn, tb.tb_lineno)
        tb = tb.tb_next
    last = last or lib
    if last is None:
        return "<unknown>"
    return "%s:%d" % (frames.short(last[0]), last[1])


def _translate(exc) -> Optional[str]:
    if isinstance(exc, (InplaceHazardError, TorchLikeError)) or not isinstance(
        exc, RuntimeError
    ):
        return None
    text = str(exc)
    first = text.strip().splitlines()[0] if text.strip() else text
    if _LEAF in text and "view of a leaf" not in text:
        return (
            "in-place operation on a leaf tensor that requires grad at %s (%s); "
            "fix: if this is a parameter update, wrap it in `with torch.no_grad():`"
            % (_exc_user_line(exc), first)
        )
    for m in _VIEW_MARKERS:
        if m in text:
            return (
                "in-place modification of a view at %s (%s); fix: use the "
                "out-of-place form, or `.clone()` the view before modifying it"
                % (_exc_user_line(exc), first)
            )
    if _VERSION in text:
        return (
            "%s (detected during backward at %s; the tensor was saved outside "
            "watch(), so the saving and mutating lines are unknown)"
            % (first, _exc_user_line(exc))
        )
    return None


# --------------------------------------------------------------------------
# public API


class watch:
    """Report in-place operations that break autograd, with both lines.

    ``mode="full"``: saved-tensor hooks plus a dispatch mode that sees every
    in-place write (names the mutating line, catches ``.data`` writes and
    mutations inside ``saved_tensors_hooks`` / ``save_on_cpu`` regions).
    ``mode="lite"``: saved-tensor hooks only; hazards are found at backward
    time and name the saving line.

    ``action="raise"`` raises :class:`InplaceHazardError`; ``action="warn"``
    emits :class:`InplaceHazardWarning` and otherwise behaves like torch.

    A report names the user's line; when the save or the write happened
    inside a library (site-packages, ``torch.nn``, or a folder listed in
    ``library_roots`` or ``$INPLACE_LINT_LIBRARY_ROOTS``), the line of the
    user's code that called into it, with the library line as a detail.

    Inside torch.func transforms (``grad``, ``vjp``, ``jacrev``...), which
    refuse saved-tensor hooks, watch() steps aside (one note per process).

    Usable as ``with watch(): ...`` or as a decorator ``@watch()``.
    Nested ``watch()`` blocks are no-ops inside an active one.
    """

    def __init__(
        self,
        mode: str = "full",
        action: str = "raise",
        library_roots: Iterable[str] = (),
    ):
        if mode not in ("full", "lite"):
            raise ValueError("mode must be 'full' or 'lite', not %r" % (mode,))
        if action not in ("raise", "warn"):
            raise ValueError("action must be 'raise' or 'warn', not %r" % (action,))
        self.mode = mode
        self.action = action
        self.library_roots = tuple(library_roots)
        self._stack: List[Optional[tuple]] = []
        self.reports: List[str] = []

    def __enter__(self):
        if patches.active_session() is not None:
            self._stack.append(None)  # nested: the outer watch does the work
            return self
        roots = frames.set_library_roots(self.library_roots)
        s = Session(self.mode, self.action)
        s.reports = self.reports
        try:
            s.start()
        except BaseException:
            frames.restore_library_roots(roots)
            raise
        self._stack.append((s, roots))
        return self

    def __exit__(self, exc_type, exc, tb):
        top = self._stack.pop()
        if top is None:
            return False
        s, roots = top
        s.stop()
        try:
            return self._exit_report(exc)
        finally:
            frames.restore_library_roots(roots)

    def _exit_report(self, exc):
        if exc is None:
            return False
        msg = _translate(exc)
        if msg is None:
            return False
        self.reports.append(msg)
        if self.action == "raise":
            raise InplaceHazardError(msg) from exc
        warn(msg)
        return False

    def __call__(self, fn: Callable) -> Callable:
        mode, action, roots = self.mode, self.action, self.library_roots

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with watch(mode, action, roots):
                return fn(*args, **kwargs)

        return wrapper


def run_script(
    path: str, argv: List[str], mode: str = "full", action: str = "raise"
) -> int:
    """Run ``path`` as ``__main__`` under :func:`watch` with ``sys.argv`` set.

    Returns 0 if the script finished cleanly, 1 if a hazard was reported
    (raised or warned) or the script died of an exception, else the script's
    own ``SystemExit`` code.
    """
    path = os.path.abspath(path)
    old_argv, old_path0 = sys.argv, sys.path[0] if sys.path else None
    sys.argv = [path] + list(argv)
    if sys.path:
        sys.path[0] = os.path.dirname(path)
    else:
        sys.path.insert(0, os.path.dirname(path))
    w = watch(mode, action)
    code = 0
    try:
        with w:
            runpy.run_path(path, run_name="__main__")
    except InplaceHazardError as e:
        print("inplace-lint watch: %s" % e, file=sys.stderr)
        code = 1
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code
        else:
            print(e.code, file=sys.stderr)
            code = 1
    except BaseException:  # the script's own crash: show it like python would
        traceback.print_exc()
        code = 1
    finally:
        sys.argv = old_argv
        if old_path0 is not None:
            sys.path[0] = old_path0
    if w.reports:
        return 1
    return code
