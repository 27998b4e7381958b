"""Version counters and what ops saved on them.

A tensor's version counter is a ``Storage``: views share their base's storage, so a save
recorded on a storage is seen through every alias (``.data`` is the exception: see values.py).
A ``region`` is the part of a tensor a constant basic index names (see Tensor.region).
"""
from __future__ import annotations

import itertools

# one counter for storages, lists and objects (values.py): their ids order what was made before
# what (a branch's or a loop pass's mark is a storage id)
_ids = itertools.count()


def next_id():
    return next(_ids)


class Save:
    """An op saved a tensor for backward (at ``node``) while graph epoch ``epoch`` was live."""

    __slots__ = ("op", "what", "node", "certain", "hooked", "epoch", "stmt", "out", "region", "sid", "cast",
                 "joined")

    def __init__(self, op, what, node, certain, hooked, epoch, stmt=None, out=None):
        self.op = op  # e.g. "sigmoid", "Linear"
        self.what = what  # "result", "input", "weight", ...
        self.node = node  # CST node of the saving call (for its position)
        self.certain = certain
        self.hooked = hooked  # inside saved_tensors_hooks / save_on_cpu
        self.epoch = epoch
        self.stmt = stmt  # the statement the node lies in
        self.out = out  # the saving op's output: its graph node is what backward would reach
        self.region = None  # the part of its tensor it keeps, when known (Tensor.region)
        self.sid = 0  # the id of the storage it was saved from
        self.cast = False  # uncertain because autocast may save a cast copy instead (autocast.py)
        # a save of a join of paths (``a if c else b``), as seen by one of its members: made
        # on that member's path only (see TorchSemantics._save)
        self.joined = False


class Storage:
    """One version counter.  ``members`` make a group (e.g. all parameters of a model)."""

    __slots__ = ("saves", "members", "id", "used", "f32", "bf16")

    def __init__(self, members=()):
        self.saves: list = []
        self.f32 = None  # its dtype is float32: True, surely another: False, unknown: None (dtypes.py)
        self.bf16 = False  # surely bfloat16: computed so under CPU autocast (autocast.py)
        self.used = False  # some reference to it was used (see use())
        self.members = list(members)
        self.id = next_id()

    def all_saves(self, _seen=None):
        if not self.members:
            return self.saves
        seen = _seen if _seen is not None else set()
        out = list(self.saves)
        for m in self.members:
            if m.id not in seen:
                seen.add(m.id)
                out.extend(m.all_saves(seen))
        return out


def whole(t):
    """``t`` is a whole tensor (or its ``.data``): constant indices of it name a region of
    its storage (see Tensor.region)."""
    return t.base is None or t.data and t.base.base is None


def disjoint(a, b):
    """Two regions (Tensor.region) that share no element."""
    for (a0, a1), (b0, b1) in zip(a, b):
        if (a1 is not None and a1 <= b0) or (b1 is not None and b1 <= a0):
            return True
    return False
