"""One active watch(): the saved-tensor hooks, the write-watching dispatch
mode, and the moment of judgement (backward unpacking a saved tensor).

* pack: every tensor saved for backward gets a :class:`Saved` record (its
  version, storage, where it was saved);
* full mode, every aten op that writes an argument: the written view is
  matched exactly against the live saved tensors of that storage; a hit is
  *recorded* (op, line, and a copy of the saved values), nothing is said yet
  -- a graph that is freed without backward makes the write harmless;
* unpack (backward uses the saved tensor): a changed version is what torch
  would raise on; an unchanged version with a recorded write is a write
  through an alias torch cannot see, a hazard only if the values changed.
"""
from __future__ import annotations

import functools
import sys
import weakref
from typing import List

import torch
from torch.utils._python_dispatch import TorchDispatchMode, _get_current_dispatch_mode

from . import frames, patches
from .errors import TorchLikeError
from .overlap import overlaps
from .report import Reporter

_OUTPUT, _INPUT = 1, 2


class Saved:
    """What the pack hook returns: the tensor (or the user's packed object)
    plus what is needed to judge and report a write to it."""

    __slots__ = (
        "t",        # the tensor handed back by unpack (None in user regions)
        "ver",      # version at save time
        "code",     # user code object that saved it ...
        "lasti",    # ... and instruction offset
        "lib",      # (code, lasti) of the library line that saved it, or None
        "op",       # OpOverload that saved it (full mode), or None
        "role",     # _OUTPUT / _INPUT / 0
        "node",     # grad_fn name of the saving op (outputs, full mode)
        "gfn",      # grad_fn class of the saved tensor itself (torch's message)
        "onr",      # ... and its output number
        "orig",     # weakref to a saved input with a grad_fn (torch names its current one)
        "mut",      # (func, code, lasti, lib, grad_enabled) of the first write
        "snap",     # copy of the values before that write
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
        self.snap = None
        self.reported = False
        self.inner = None
        self.ref = None
        self.orig = None

    def tensor(self):
        t = self.t
        if t is None and self.ref is not None:
            t = self.ref()
        return t


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


def _storage_key(t):
    try:
        return t.untyped_storage().data_ptr()
    except Exception:  # sparse, nested, exotic subclasses: not tracked
        return 0


def same_values(a, b) -> bool:
    """Bitwise-equal values (NaN equals NaN here: nothing changed)."""
    if a.shape != b.shape or a.dtype != b.dtype or a.device != b.device:
        return False
    if torch.equal(a, b):
        return True
    if a.is_floating_point() or a.is_complex():
        return bool(((a == b) | (a.isnan() & b.isnan())).all())
    return False


_seq = torch._C._autograd._get_sequence_nr
_NoDispatch = torch._C._DisableTorchDispatch
_push_hooks = torch._C._autograd._push_saved_tensors_default_hooks
_pop_hooks = torch._C._autograd._pop_saved_tensors_default_hooks
_top_hooks = torch._C._autograd._top_saved_tensors_default_hooks


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


class Session:
    def __init__(self, mode: str, action: str):
        self.mode = mode
        self.action = action
        self.full = mode == "full"
        self._warn = action == "warn"
        self._reg: dict = {}  # storage ptr -> [weakref(Saved)]
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
        self._aside = []  # hooks taken off for a torch.func transform
        self.reporter = Reporter(self)

    # ---------------------------------------------------------------- start
    def start(self):
        outer = _top_hooks(False)
        if outer is not None:
            # hooks installed outside watch(): keep them working under ours
            upack, uunpack = outer
            pack = functools.partial(self._pack_user, upack, uunpack)
        else:
            pack = self._pack
        _push_hooks(pack, self._unpack)
        self._pushed = True
        try:
            patches.install()
            self._prev = patches.active_session()
            patches._tls.session = self
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

    def push_user_hooks(self, upack, uunpack):
        """A user's ``saved_tensors_hooks`` entered inside watch()."""
        _push_hooks(functools.partial(self._pack_user, upack, uunpack), self._unpack)

    def _on_dead(self, _ref):
        self._live -= 1

    def suspend(self) -> bool:
        d = self._dmode
        if d is None or self._suspended:
            return False
        if _get_current_dispatch_mode() is not d:
            return False  # someone else's mode is on top: leave the stack alone
        d.__exit__(None, None, None)
        self._suspended = True
        return True

    def resume(self):
        if self._suspended:
            self._suspended = False
            self._pending = []
            if self._dmode is not None:
                self._dmode.__enter__()

    def step_aside(self) -> bool:
        """Take our hooks and dispatch mode off (a torch.func transform is
        starting); False if ours are not the ones on top."""
        top = _top_hooks(False)
        if top is None or top[1] != self._unpack:
            return False
        _pop_hooks()
        self._aside.append((top, self.suspend()))
        return True

    def step_back(self):
        top, suspended = self._aside.pop()
        if suspended:
            self.resume()
        _push_hooks(*top)

    def _opt_pre(self, opt, args, kwargs):
        # optimizer.step() after backward: no graph alive, nothing to watch.
        # With a retained graph alive, keep watching (names the step() line).
        if self._live <= 0:
            self.suspend()

    def _opt_post(self, opt, args, kwargs):
        self.resume()

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
        if patches.active_session() is self:
            patches._tls.session = self._prev
            patches.remove()
        if self._pushed:
            self._pushed = False
            _pop_hooks()
        self._pending = []
        self._last = None

    # ----------------------------------------------------------------- pack
    def _record(self, e, t):
        """Fill the bookkeeping shared by both kinds of pack."""
        e.ver = t._version
        f = sys._getframe(2)
        # inline of frames.locate(): this runs for every saved tensor
        cache = frames._kind_cache
        lib = None
        code = None
        while f is not None:
            c = f.f_code
            k = cache.get(c.co_filename)
            if k is None:
                k = frames.classify(c.co_filename)
            if k == 0:
                code = c
                e.lasti = f.f_lasti
                break
            if k == 1 and lib is None:
                lib = (c, f.f_lasti)
            f = f.f_back
        if code is None:
            if lib is not None:
                code, e.lasti = lib
                lib = None
            else:
                e.lasti = 0
        e.code = code
        e.lib = lib
        gf = t.grad_fn
        is_output = False
        if gf is None:
            e.gfn = None
        else:
            e.gfn = type(gf)  # its name is only needed for a report
            e.onr = t.output_nr
            if self.full or self._warn:
                is_output = gf._sequence_nr() == _seq() - 1
                if not is_output and self._warn:
                    # torch's message names an input's grad_fn as it is then
                    try:
                        e.orig = weakref.ref(t)
                    except TypeError:
                        pass
        if self.full:
            if is_output:
                e.role = _OUTPUT
                e.op = self._last
                e.node = e.gfn.__name__
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
        e = Saved()
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
        e = Saved()
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
        t = e.t
        if t is not None:
            if t._version != e.ver or e.mut is not None:
                self._judge(e, t, t)
            return t
        orig = e.ref() if e.ref is not None else None
        val = e.uunpack(e.inner)
        if (orig is not None and orig._version != e.ver) or e.mut is not None:
            self._judge(e, orig, val)
        return val

    def _judge(self, e, orig, val):
        """Backward is about to use saved tensor ``e`` (value ``val``): is it
        what was saved?"""
        user = e.t is None
        bumped = orig is not None and orig._version != e.ver
        snap, e.snap = e.snap, None
        if user:
            # torch skips its check in hook regions; what counts is the value
            # backward gets (a hook that copied at pack time is immune)
            if snap is not None:
                if isinstance(val, torch.Tensor) and same_values(snap, val):
                    return
            elif not bumped:
                return
        elif not bumped:
            # a write through an alias torch does not track (.data, ...): a
            # hazard only if the values backward will use have changed
            if snap is None or same_values(snap, orig):
                return
        if e.reported:
            if bumped and not user:
                raise TorchLikeError(self.reporter.torch_like(e, orig))
            return
        e.reported = True
        self.reporter.at_backward(e, orig, bumped, user)

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
        """Record (do not report) a write to saved tensors: only backward
        using them makes it a hazard."""
        where = None
        for r in lst:
            e = r()
            if e is None or e.mut is not None or e.reported:
                continue
            t = e.tensor()
            if t is None or not overlaps(t, a):
                continue
            if where is None:
                code, lasti, lib = frames.locate(sys._getframe(2))
                where = (func, code, lasti, lib, torch.is_grad_enabled())
            e.mut = where
            with torch.no_grad():
                e.snap = t.detach().clone()
