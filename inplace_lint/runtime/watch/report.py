"""Turning a judged saved tensor into a report: the message, then raise or
warn as the session's action says."""
from __future__ import annotations

import sys
import warnings

import torch

from . import frames, messages
from .errors import InplaceHazardError, InplaceHazardWarning, TorchLikeError

_cur_node = torch._C._current_autograd_node


def _where(code, lasti, lib, what):
    """``train.py:97 by addmm (its input)``, or with a library line
    ``train.py:97 (in torchvision/models/x.py:216, addmm: its input)``."""
    at = frames.loc(code, lasti)
    if lib is not None:
        inner = frames.loc(*lib)
        return "%s (in %s%s)" % (at, inner, ", " + what.replace(" (", ": ", 1).rstrip(")") if what else "")
    return "%s by %s" % (at, what) if what else at


class Reporter:
    def __init__(self, session):
        self.s = session

    # ------------------------------------------------------------ pieces
    def _saved_what(self, e):
        if e.op is not None:
            return "%s (%s)" % (
                messages.op_name(e.op),
                "its output" if e.role == 1 else "its input",
            )
        return None

    def _subject(self, e, t, start):
        shape = list(t.shape) if t is not None else getattr(e, "shape", "?")
        found = messages.param_name(t, start)
        if found is not None:
            name, exact = found
            if exact:
                return "parameter %s %s" % (name, shape), True
            return "tensor %s (a view of parameter %s)" % (shape, name), True
        return "tensor %s" % (shape,), isinstance(t, torch.nn.Parameter)

    def torch_like(self, e, t):
        gfn = e.gfn.__name__ if e.gfn is not None else None
        onr = getattr(e, "onr", 0)
        cur = e.orig() if e.orig is not None else None
        if cur is not None and cur.grad_fn is not None:
            # torch names a saved input's grad_fn as it is now (after the write)
            gfn, onr = cur.grad_fn.name(), cur.output_nr
        return messages.torch_version_error(t, e.ver, gfn, onr)

    # ------------------------------------------------------------ reports
    def at_backward(self, e, orig, bumped, user):
        """Backward is using saved tensor ``e``, which was modified."""
        s = self.s
        start = sys._getframe(1)
        node = _cur_node()
        node_name = node.name() if node is not None else None
        subject, is_param = self._subject(e, orig, start)
        msg = subject + " saved at "
        what = self._saved_what(e)
        if what is None and e.node is None:
            msg += _where(e.code, e.lasti, e.lib, None)
        else:
            msg += _where(e.code, e.lasti, e.lib, what)
            if what is None:
                msg += " as an output of %s" % e.node
        fix = None
        if e.mut is not None:
            func, mcode, mlasti, mlib, grad_on = e.mut
            op_src = frames.source_line(*(mlib or (mcode, mlasti)))
            user_src = frames.source_line(mcode, mlasti)
            wname = messages.write_name(func, op_src)
            msg += " was modified in place at %s" % _where(mcode, mlasti, mlib, wname)
            through_data = not bumped and not user
            if mlib is not None and not (is_param or not grad_on):
                fix = (
                    "fix: `.clone()` the tensor before passing it to the library "
                    "call, or ask it not to work in place (e.g. inplace=False)"
                )
            else:
                fix = messages.fix_for_write(
                    wname, user_src, grad_off=not grad_on, is_param=is_param,
                    through_data=through_data,
                )
        elif s.full:
            msg += " was modified in place at an unknown place"
        else:
            msg += (
                " was modified in place (the mutating line is not tracked in "
                "lite mode; use watch(mode='full') to find it)"
            )
        msg += "; needed by %s" % (node_name or e.node or "the backward pass")
        if bumped:
            msg += " (saved at version %d, now at version %d)" % (e.ver, orig._version)
        msg += "; detected during backward at %s" % frames.frame_loc(frames.user_frame(start))
        if not bumped and not user:
            msg += (
                "; the write went through .data (or another alias autograd "
                "does not track), so torch would not notice it: gradients "
                "would be silently wrong"
            )
        if user:
            msg += (
                "; the tensor was saved inside a saved_tensors_hooks / "
                "save_on_cpu region, where torch skips its version check "
                "(gradients would silently use the modified value)"
            )
        if fix is None:
            fix = "fix: use the out-of-place form, or `.clone()` the tensor before the in-place op"
        msg += "; " + fix
        where = (e.mut[1], e.mut[2]) if e.mut is not None else None
        self.report(msg, where)
        if bumped and not user:
            # torch would have raised here without watch(): keep that
            raise TorchLikeError(self.torch_like(e, orig))

    def report(self, msg, where=None):
        self.s.reports.append(msg)
        if self.s.action == "raise":
            raise InplaceHazardError(msg)
        warn(msg, where)


def warn(msg, where=None):
    code, lasti = where if where else (None, 0)
    if code is None:
        f = frames.user_frame(sys._getframe(1))
        if f is not None:
            code, lasti = f.f_code, f.f_lasti
    if code is None:
        warnings.warn(msg, InplaceHazardWarning, stacklevel=2)
        return
    warnings.warn_explicit(
        msg,
        InplaceHazardWarning,
        code.co_filename,
        frames.line_of(code, lasti) or 0,
        registry={},  # a fresh registry: every hazard is shown
    )
