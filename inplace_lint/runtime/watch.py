"""Runtime watch mode: catch in-place autograd hazards in real training code.

``watch()`` is a context manager (and a decorator).  While it is active:

* every tensor saved for backward is recorded through a
  ``torch.autograd.graph.saved_tensors_hooks`` pack hook (its version at save
  time, its storage, and -- cheaply, as a code object plus instruction offset --
  the user line that saved it);
* in ``mode="full"`` a ``TorchDispatchMode`` looks at every aten op that writes
  one of its arguments (schema ``alias_info.is_write``) and compares the
  written storage with the storages of the live saved tensors: a hit is
  reported with both the save line and the mutation line;
* at backward time the unpack hook compares the saved version with the
  current one (torch skips its own check as soon as saved-tensor hooks are in
  use, so the hook must do it), which is all that ``mode="lite"`` does;
* torch's own in-place errors that escape the block (leaf variables, views of
  multi-output ops, no_grad views, version mismatches of tensors saved outside
  the block) are re-raised as :class:`InplaceHazardError` naming the user line.

Source lines are resolved only when something is reported.
"""
from __future__ import annotations

import functools
import os
import runpy
import sys
import threading
import traceback
import warnings
import weakref
from typing import Callable, List, Optional

import torch
import torch.autograd.graph as _graph
from torch.utils._python_dispatch import TorchDispatchMode

__all__ = [
    "watch",
    "InplaceHazardError",
    "InplaceHazardWarning",
    "run_script",
]


class InplaceHazardError(RuntimeError):
    """An in-place operation broke (or would silently break) autograd."""


class InplaceHazardWarning(UserWarning):
    """Warning category used by ``watch(action="warn")``."""


class _TorchLikeError(RuntimeError):
    """What torch itself would have raised (our hooks switch its check off)."""


# --------------------------------------------------------------------------
# frames and source locations (resolved lazily)

_TORCH_DIR = os.path.dirname(os.path.abspath(torch.__file__)) + os.sep
_PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_INTERNAL_PREFIXES = (_TORCH_DIR, _PKG_DIR)
_internal_files: dict = {}


def _is_internal(filename: str) -> bool:
    r = _internal_files.get(filename)
    if r is None:
        r = _internal_files[filename] = filename.startswith(_INTERNAL_PREFIXES)
    return r


def _user_frame(f):
    """First frame, walking outwards from ``f``, that is neither torch nor us."""
    cache = _internal_files
    while f is not None:
        fn = f.f_code.co_filename
        r = cache.get(fn)
        if r is None:
            r = _is_internal(fn)
        if not r:
            return f
        f = f.f_back
    return None


def _line_of(code, lasti: int) -> Optional[int]:
    if code is None:
        return None
    if hasattr(code, "co_lines"):
        for start, end, line in code.co_lines():
            if start <= lasti < end:
                return line
        return code.co_firstlineno
    import dis  # Python 3.9

    line = code.co_firstlineno
    for off, ln in dis.findlinestarts(code):
        if off > lasti:
            break
        line = ln
    return line


def _short(filename: str) -> str:
    try:
        rel = os.path.relpath(filename)
    except ValueError:
        return filename
    return filename if rel.startswith("..") else rel


def _loc(code, lasti) -> str:
    if code is None:
        return "<unknown>"
    return "%s:%s" % (_short(code.co_filename), _line_of(code, lasti))


def _frame_loc(f) -> str:
    if f is None:
        return "<unknown>"
    return "%s:%s" % (_short(f.f_code.co_filename), f.f_lineno)


# --------------------------------------------------------------------------
# saved-tensor records

_OUTPUT, _INPUT = 1, 2


class _Saved:
    """What the pack hook returns: the tensor (or the user's packed object)
    plus what is needed to report a hazard on it."""

    __slots__ = (
        "t",        # the tensor handed back by unpack (None in user regions)
        "ver",      # version at save time
        "code",     # user code object that saved it
        "lasti",    # ... and instruction offset
        "op",       # OpOverload that saved it (full mode), or None
        "role",     # _OUTPUT / _INPUT / 0
        "node",     # grad_fn name when known at save time
        "mut",      # (opname, code, lasti, silent) of the first write seen
        "reported",
        "inner",    # the user's packed object (user saved_tensors_hooks region)
        "uunpack",  # the user's unpack hook
        "ref",      # weakref to the original tensor (user region)
        "shape",
        "__weakref__",
    )

    def __init__(self):
        self.op = None
        self.role = 0
        self.node = None
        self.mut = None
        self.reported = False
        self.inner = None
        self.ref = None

    def tensor(self):
        t = self.t
        if t is None and self.ref is not None:
            t = self.ref()
        return t


def _opname(func) -> str:
    if func is None:
        return "?"
    try:
        name = func._overloadpacket.__name__
    except AttributeError:
        return str(func)
    return name


def _write_args(func):
    """((index, name, is_list), ...) of the arguments ``func`` writes."""
    try:
        schema_args = func._schema.arguments
    except AttributeError:
        return ()
    out = []
    for i, a in enumerate(schema_args):
        ai = a.alias_info
        if ai is not None and ai.is_write:
            is_list = "[]" in str(a.type) or "List" in str(a.type)
            out.append((i, a.name, is_list))
    return tuple(out)


_WRITES: dict = {}


def _extent(t):
    """Byte range [lo, hi) of the storage that ``t`` can touch."""
    n = t.numel()
    if n == 0:
        return None
    es = t.element_size()
    lo = t.storage_offset()
    hi = lo + 1
    for s, st in zip(t.shape, t.stride()):
        if s > 1:
            if st >= 0:
                hi += (s - 1) * st
            else:
                lo += (s - 1) * st
    return lo * es, hi * es


def _overlaps(a, b) -> bool:
    ea = _extent(a)
    eb = _extent(b)
    if ea is None or eb is None:
        return False
    return ea[0] < eb[1] and eb[0] < ea[1]


def _storage_key(t):
    try:
        return t.untyped_storage().data_ptr()
    except Exception:  # sparse, nested, exotic subclasses: not tracked
        return 0


_tls = threading.local()
_patch_lock = threading.Lock()
_patch_count = 0
_orig_enter = None
_orig_exit = None


def _active_session():
    return getattr(_tls, "session", None)


def _patched_enter(self):
    s = _active_session()
    if s is None:
        return _orig_enter(self)
    upack, uunpack = self.pack_hook, self.unpack_hook
    torch._C._autograd._push_saved_tensors_default_hooks(
        functools.partial(s._pack_user, upack, uunpack), s._unpack
    )


def _suspending(orig):
    """Run ``orig`` (torch.autograd.backward / grad) with the write-watching
    dispatch mode popped: the backward pass does not need it, and skipping it
    there is most of what keeps full mode cheap."""

    @functools.wraps(orig)
    def wrapper(*args, **kwargs):
        s = _active_session()
        if s is None or not s._suspend():
            return orig(*args, **kwargs)
        try:
            return orig(*args, **kwargs)
        finally:
            s._resume()

    wrapper.__wrapped_by_inplace_lint__ = orig
    return wrapper


_orig_backward = None
_orig_grad = None


def _install_patch():
    global _patch_count, _orig_enter, _orig_backward, _orig_grad
    with _patch_lock:
        if _patch_count == 0:
            _orig_enter = _graph.saved_tensors_hooks.__enter__
            _graph.saved_tensors_hooks.__enter__ = _patched_enter
            _orig_backward = torch.autograd.backward
            _orig_grad = torch.autograd.grad
            torch.autograd.backward = _suspending(_orig_backward)
            torch.autograd.grad = _suspending(_orig_grad)
        _patch_count += 1


def _remove_patch():
    global _patch_count
    with _patch_lock:
        _patch_count -= 1
        if _patch_count == 0:
            _graph.saved_tensors_hooks.__enter__ = _orig_enter
            torch.autograd.backward = _orig_backward
            torch.autograd.grad = _orig_grad


_seq = torch._C._autograd._get_sequence_nr
_NoDispatch = torch._C._DisableTorchDispatch
_cur_node = torch._C._current_autograd_node


class _WriteMode(TorchDispatchMode):
    """Sees every aten op below autograd; checks the ones that write."""

    def __init__(self, session):
        super().__init__()
        self.s = session

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        s = self.s
        if s._pending:
            for e in s._pending:
                e.op = func
            s._pending = []
        w = _WRITES.get(func)
        if w is None:
            w = _WRITES[func] = _write_args(func)
        if w and s._reg:
            s._check_writes(func, w, args, kwargs)
        if kwargs is None:
            out = func(*args)
        else:
            out = func(*args, **kwargs)
        s._last = func
        return out


class _Session:
    def __init__(self, mode: str, action: str):
        self.mode = mode
        self.action = action
        self.full = mode == "full"
        self._reg: dict = {}  # storage ptr -> [weakref(_Saved)]
        self._pending: list = []  # input saves waiting for their op's name
        self._last = None  # last aten op seen (full mode)
        self._npacks = 0
        self.reports: List[str] = []
        self._dmode = None
        self._suspended = False
        self._live = 0  # live saved-tensor records (full mode)
        self._dead = self._on_dead
        self._opt_hooks = []
        self._pushed = False
        self._prev = None

    # ---------------------------------------------------------------- start
    def start(self):
        outer = torch._C._autograd._top_saved_tensors_default_hooks(False)
        if outer is not None:
            # hooks installed outside watch(): keep them working under ours
            upack, uunpack = outer
            pack = functools.partial(self._pack_user, upack, uunpack)
        else:
            pack = self._pack
        torch._C._autograd._push_saved_tensors_default_hooks(pack, self._unpack)
        self._pushed = True
        try:
            _install_patch()
            self._prev = _active_session()
            _tls.session = self
            if self.full:
                self._dmode = _WriteMode(self)
                self._dmode.__enter__()
                from torch.optim.optimizer import (
                    register_optimizer_step_post_hook,
                    register_optimizer_step_pre_hook,
                )

                self._opt_hooks = [
                    register_optimizer_step_pre_hook(self._opt_pre),
                    register_optimizer_step_post_hook(self._opt_post),
                ]
        except BaseException:
            self.stop()
            raise

    def _on_dead(self, _ref):
        self._live -= 1

    def _suspend(self) -> bool:
        d = self._dmode
        if d is None or self._suspended:
            return False
        from torch.utils._python_dispatch import _get_current_dispatch_mode

        if _get_current_dispatch_mode() is not d:
            return False  # someone else's mode is on top: leave the stack alone
        d.__exit__(None, None, None)
        self._suspended = True
        return True

    def _resume(self):
        if self._suspended:
            self._suspended = False
            self._pending = []
            if self._dmode is not None:
                self._dmode.__enter__()

    def _opt_pre(self, opt, args, kwargs):
        # optimizer.step() after backward: no graph alive, nothing to watch.
        # With a retained graph alive, keep watching (names the step() line).
        if self._live <= 0:
            self._suspend()

    def _opt_post(self, opt, args, kwargs):
        self._resume()

    def stop(self):
        for h in self._opt_hooks:
            h.remove()
        self._opt_hooks = []
        if self._dmode is not None:
            d, self._dmode = self._dmode, None
            if self._suspended:
                self._suspended = False
            else:
                d.__exit__(None, None, None)
        if _active_session() is self:
            _tls.session = self._prev
            _remove_patch()
        if self._pushed:
            self._pushed = False
            torch._C._autograd._pop_saved_tensors_default_hooks()
        self._pending = []
        self._last = None

    # ----------------------------------------------------------------- pack
    def _record(self, e, t):
        """Fill the bookkeeping shared by both kinds of pack."""
        e.ver = t._version
        f = sys._getframe(2)
        cache = _internal_files
        while f is not None:
            fn = f.f_code.co_filename
            r = cache.get(fn)
            if r is None:
                r = _is_internal(fn)
            if not r:
                break
            f = f.f_back
        if f is None:
            e.code = None
            e.lasti = 0
        else:
            e.code = f.f_code
            e.lasti = f.f_lasti
        if self.full:
            gf = t.grad_fn
            if gf is not None and gf._sequence_nr() == _seq() - 1:
                e.role = _OUTPUT
                e.op = self._last
                e.node = type(gf).__name__
            else:
                e.role = _INPUT
                self._pending.append(e)
            key = _storage_key(t)
            if key:
                self._live += 1
                lst = self._reg.get(key)
                if lst is None:
                    self._reg[key] = [weakref.ref(e, self._dead)]
                else:
                    if len(lst) > 16:
                        lst[:] = [r for r in lst if r() is not None]
                    lst.append(weakref.ref(e, self._dead))
                self._npacks += 1
                if self._npacks > 20000:
                    self._sweep()

    def _sweep(self):
        self._npacks = 0
        reg = self._reg
        for k in list(reg):
            lst = [r for r in reg[k] if r() is not None]
            if lst:
                reg[k] = lst
            else:
                del reg[k]

    def _pack(self, t):
        e = _Saved()
        if t.grad_fn is None:
            e.t = t
        elif self.full:
            with _NoDispatch():
                e.t = t.detach()
        else:
            e.t = t.detach()
        self._record(e, t)
        return e

    def _pack_user(self, upack, uunpack, t):
        """Pack inside a user's saved_tensors_hooks region (e.g. save_on_cpu):
        torch skips its version check there, so we keep a weak reference to
        the original and check it ourselves."""
        e = _Saved()
        e.t = None
        e.uunpack = uunpack
        e.shape = list(t.shape)
        try:
            e.ref = weakref.ref(t)
        except TypeError:
            e.ref = None
        self._record(e, t)
        # ops run by the user's hook (e.g. save_on_cpu's copy) are not the op
        # that saved the tensor: keep them out of the op naming
        pending, last = self._pending, self._last
        self._pending = []
        try:
            e.inner = upack(t)
        finally:
            self._pending, self._last = pending, last
        return e

    # --------------------------------------------------------------- unpack
    def _unpack(self, e):
        if e.t is not None:
            t = e.t
            if t._version != e.ver or e.mut is not None:
                self._hazard_at_unpack(e, t, user=False)
            return t
        orig = e.ref() if e.ref is not None else None
        if (orig is not None and orig._version != e.ver) or e.mut is not None:
            self._hazard_at_unpack(e, orig, user=True)
        return e.uunpack(e.inner)

    def _hazard_at_unpack(self, e, t, user):
        now = t._version if t is not None else None
        visible = now is not None and now != e.ver and not user
        if e.reported:
            if visible:
                # already warned at the mutation: now do what torch would do
                raise _TorchLikeError(self._torch_like(e, t))
            return
        e.reported = True
        node = _cur_node()
        node_name = type(node).__name__ if node is not None else None
        msg = self._describe(e, node_name)
        if e.mut is not None:
            mop, mcode, mlasti, silent = e.mut
            msg += " was modified in place at %s by %s" % (_loc(mcode, mlasti), mop)
        elif self.full:
            msg += " was modified in place at an unknown place"
        else:
            msg += (
                " was modified in place (the mutating line is not tracked in "
                "lite mode; use watch(mode='full') to find it)"
            )
        msg += "; needed by %s" % (node_name or self._needed_by(e))
        if now is not None and now != e.ver:
            msg += " (saved at version %d, now at version %d)" % (e.ver, now)
        msg += "; detected during backward at %s" % _frame_loc(
            _user_frame(sys._getframe(1))
        )
        silent = e.mut is not None and (e.mut[3] or (now is not None and now == e.ver))
        msg += self._notes(e, user, silent)
        self._report(msg)
        if visible:
            # torch would have raised here without watch(): keep that
            raise _TorchLikeError(self._torch_like(e, t) + "\n" + msg)

    # -------------------------------------------------------------- writes
    def _check_writes(self, func, w, args, kwargs):
        reg = self._reg
        for i, name, is_list in w:
            if i < len(args):
                a = args[i]
            elif kwargs and name in kwargs:
                a = kwargs[name]
            else:
                continue
            if is_list:
                for x in a or ():
                    if isinstance(x, torch.Tensor):
                        key = _storage_key(x)
                        if key and key in reg:
                            self._on_write(func, x, reg[key])
            elif isinstance(a, torch.Tensor):
                key = _storage_key(a)
                if key and key in reg:
                    self._on_write(func, a, reg[key])

    def _on_write(self, func, a, lst):
        hits = []
        for r in lst:
            e = r()
            if e is None or e.reported:
                continue
            t = e.tensor()
            if t is None or not _overlaps(t, a):
                continue
            hits.append((e, t))
        if not hits:
            return
        f = _user_frame(sys._getframe(2))
        mcode, mlasti = (f.f_code, f.f_lasti) if f is not None else (None, 0)
        mop = _opname(func)
        if not torch.is_grad_enabled():
            # e.g. optimizer.step() while a retained graph is alive: it only
            # matters if that graph is used again, so report at backward
            # (where a write autograd did not see shows as an unchanged
            # version with a recorded mutation).
            for e2, _ in hits:
                if e2.mut is None:
                    e2.mut = (mop, mcode, mlasti, False)
            return
        # Does this write bump the saved tensor's version counter?  Bump the
        # written tensor's counter once and look (a .data alias has its own
        # counter: torch would never notice that write).  Our own records that
        # share the counter get the bump added to their saved version.
        live = [e for e in (r() for r in lst) if e is not None and e.tensor() is not None]
        before = [e.tensor()._version for e in live]
        silent = False
        try:
            _graph.increment_version(a)
        except Exception:
            pass
        else:
            bumped = set()
            for e, v in zip(live, before):
                if e.tensor()._version != v:
                    e.ver += 1
                    bumped.add(id(e))
            silent = any(id(e) not in bumped for e, _ in hits)
        e, t = hits[0]
        e_user = e.ref is not None
        msg = self._describe(e, None)
        msg += " was modified in place at %s by %s; needed by %s" % (
            _loc(mcode, mlasti),
            mop,
            e.node or self._needed_by(e),
        )
        msg += self._notes(e, e_user, silent)
        if self.action == "raise":
            for e2, _ in hits:
                e2.reported = True
            self.reports.append(msg)
            raise InplaceHazardError(msg)
        for e2, _ in hits:
            e2.reported = True
            if e2.mut is None:
                e2.mut = (mop, mcode, mlasti, silent)
        self._report(msg, (mcode, mlasti))

    # ------------------------------------------------------------ messages
    def _describe(self, e, node_name):
        t = e.tensor()
        shape = list(t.shape) if t is not None else getattr(e, "shape", "?")
        msg = "tensor %s saved at %s" % (shape, _loc(e.code, e.lasti))
        if e.op is not None:
            msg += " by %s (%s)" % (
                _opname(e.op),
                "its output" if e.role == _OUTPUT else "its input",
            )
        elif e.node is not None:
            msg += " as an output of %s" % e.node
        return msg

    @staticmethod
    def _needed_by(e):
        if e.node is not None:
            return e.node
        if e.op is not None:
            return "the backward of %s" % _opname(e.op)
        return "the backward pass"

    @staticmethod
    def _notes(e, user, silent):
        notes = ""
        if silent:
            notes += (
                "; the write went through .data (or another alias autograd "
                "does not track), so torch would not notice it: gradients "
                "would be silently wrong"
            )
        if user:
            notes += (
                "; the tensor was saved inside a saved_tensors_hooks / "
                "save_on_cpu region, where torch skips its version check "
                "(gradients would silently use the old or the new value)"
            )
        return notes

    @staticmethod
    def _torch_like(e, t):
        return (
            "one of the variables needed for gradient computation has been "
            "modified by an inplace operation: [%s %s] is at version %d; "
            "expected version %d instead."
            % (t.type(), list(t.shape), t._version, e.ver)
        )

    def _report(self, msg, where=None):
        self.reports.append(msg)
        if self.action == "raise":
            raise InplaceHazardError(msg)
        _warn(msg, where)


def _warn(msg, where=None):
    code, lasti = where if where else (None, 0)
    if code is None:
        f = _user_frame(sys._getframe(1))
        if f is not None:
            code, lasti = f.f_code, f.f_lasti
    if code is None:
        warnings.warn(msg, InplaceHazardWarning, stacklevel=2)
        return
    warnings.warn_explicit(
        msg,
        InplaceHazardWarning,
        code.co_filename,
        _line_of(code, lasti) or 0,
        registry={},  # a fresh registry: every hazard is shown
    )


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
    tb = exc.__traceback__
    last = None
    while tb is not None:
        fn = tb.tb_frame.f_code.co_filename
        if not _is_internal(fn):
            last = (fn, tb.tb_lineno)
        tb = tb.tb_next
    if last is None:
        return "<unknown>"
    return "%s:%d" % (_short(last[0]), last[1])


def _translate(exc) -> Optional[str]:
    if isinstance(exc, (InplaceHazardError, _TorchLikeError)) or not isinstance(
        exc, RuntimeError
    ):
        return None
    text = str(exc)
    first = text.strip().splitlines()[0] if text.strip() else text
    if _LEAF in text and "view of a leaf" not in text:
        return "in-place operation on a leaf tensor that requires grad at %s (%s)" % (
            _exc_user_line(exc),
            first,
        )
    for m in _VIEW_MARKERS:
        if m in text:
            return "in-place modification of a view at %s (%s)" % (
                _exc_user_line(exc),
                first,
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

    Usable as ``with watch(): ...`` or as a decorator ``@watch()``.
    Nested ``watch()`` blocks are no-ops inside an active one.
    """

    def __init__(self, mode: str = "full", action: str = "raise"):
        if mode not in ("full", "lite"):
            raise ValueError("mode must be 'full' or 'lite', not %r" % (mode,))
        if action not in ("raise", "warn"):
            raise ValueError("action must be 'raise' or 'warn', not %r" % (action,))
        self.mode = mode
        self.action = action
        self._stack: List[Optional[_Session]] = []
        self.reports: List[str] = []

    def __enter__(self):
        if _active_session() is not None:
            self._stack.append(None)  # nested: the outer watch does the work
            return self
        s = _Session(self.mode, self.action)
        s.reports = self.reports
        s.start()
        self._stack.append(s)
        return self

    def __exit__(self, exc_type, exc, tb):
        s = self._stack.pop()
        if s is None:
            return False
        s.stop()
        if exc is None:
            return False
        msg = _translate(exc)
        if msg is None:
            return False
        self.reports.append(msg)
        if self.action == "raise":
            raise InplaceHazardError(msg) from exc
        _warn(msg)
        return False

    def __call__(self, fn: Callable) -> Callable:
        mode, action = self.mode, self.action

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with watch(mode, action):
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
