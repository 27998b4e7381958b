"""Facts about one in-place event: what the engine hands to the rules.

The engine computes these; rules only read them.  One event is produced per
in-place site per calling context; the runner merges duplicates.  Source
positions (and the source text of the target) are computed on first access,
so events that no rule reports cost no position work.
"""
from __future__ import annotations


class SaveFact:
    """An op saved the tensor for backward: which op, which of its tensors, where."""

    __slots__ = ("op", "what", "certain", "hooked", "_where", "previous", "path", "key", "cast")

    def __init__(self, op, what, certain, hooked, where, previous=False, path=None, key=None):
        self.op = op  # "sigmoid", "Linear", ...
        self.what = what  # "result", "input", "weight", ...
        self.certain = certain  # the save surely happened (the op's output surely required grad)
        self.hooked = hooked  # saved inside saved_tensors_hooks / save_on_cpu
        self._where = where  # () -> (line, column, end_line, end_column)
        self.previous = previous  # made in the previous iteration of the loop around the in-place op
        self.path = path  # the file, when another module of the project made the save
        # which save this is, numbered per analysis: two events naming the same key name one
        # save (one tensor, saved once by one op); only compared, never shown
        self.key = key
        self.cast = False  # uncertain only because autocast may save a cast copy instead

    @property
    def line(self):
        return self._where()[0]

    @property
    def column(self):
        return self._where()[1]


class Event:
    """Facts about one in-place site.

    kind: method | function | inplace_kw | module_inplace | augassign | setitem | out | step
    op: "mul_", "+=", "[]=", "ReLU(inplace=True)", "out=", "step"
    Three-valued facts use None for "unknown".
    """

    __slots__ = ("kind", "op", "grad_enabled", "requires_grad", "is_leaf", "view", "view_base_requires_grad",
                 "view_base_is_leaf", "via_data", "alias_certain", "saves", "out_inputs_requires_grad",
                 "related_message", "basic_index", "is_tensor", "_lazy", "_cache", "alias_op", "origin",
                 "unknown_origin", "storage")

    def __init__(self, kind, op, grad_enabled, requires_grad, is_leaf, view, view_base_requires_grad,
                 view_base_is_leaf, via_data, alias_certain, saves, out_inputs_requires_grad=None,
                 related_message="", basic_index=False, is_tensor=True, lazy=None, alias_op=None, origin=None,
                 unknown_origin=False, storage=None):
        self.kind = kind
        self.op = op
        self.grad_enabled = grad_enabled
        self.requires_grad = requires_grad
        self.is_leaf = is_leaf
        self.view = view  # None | "single" | "multi" | "nograd"
        self.view_base_requires_grad = view_base_requires_grad
        self.view_base_is_leaf = view_base_is_leaf
        self.via_data = via_data  # written through .data: no version bump, autograd sees nothing
        self.alias_certain = alias_certain  # the modified object surely is the tensor described
        self.saves = saves  # live SaveFacts on its version counter
        self.out_inputs_requires_grad = out_inputs_requires_grad
        self.related_message = related_message
        self.basic_index = basic_index  # setitem with int/slice indices (a view is written)
        # False when the modified object is of unknown type (an argument, the
        # result of an unknown call): it may not be a tensor at all
        self.is_tensor = is_tensor
        # with alias_certain False: the op that may have returned its input itself
        # (".float()"), "[]" for indexing that may have copied, None for a path choice
        self.alias_op = alias_op
        # "param" when the tensor (or the view's base) is a parameter, else the kind of
        # value it is ("fresh": made in this code, e.g. a torch.zeros(...) buffer)
        self.origin = origin
        # an argument or an opaque result: where it came from (and whether it
        # requires grad) is unknown, even when it surely is a tensor
        self.unknown_origin = unknown_origin
        # the modified version counter(s), numbered per analysis like SaveFact.key (a leaf, or the
        # base a view shares its counter with): only compared, never shown
        self.storage = storage
        self._lazy = lazy or {}  # name -> () -> value, for positions and text
        self._cache = {}

    def _get(self, name):
        v = self._cache.get(name, self)
        if v is self:
            f = self._lazy.get(name)
            v = f() if f is not None else None
            self._cache[name] = v
        return v

    line = property(lambda self: self._get("span")[0])
    column = property(lambda self: self._get("span")[1])
    end_line = property(lambda self: self._get("span")[2])
    end_column = property(lambda self: self._get("span")[3])
    target = property(lambda self: self._get("target"))  # source text of the modified tensor
    context = property(lambda self: self._get("context") or "")  # "via f() called at line 30"
    # a write made inside another project module: (path, line, column) of the write itself
    written_in = property(lambda self: self._get("written_in"))
    # reported at the write itself when its file is checked in the same run (see Placer.moved)
    moved = property(lambda self: self._get("moved"))
    related_path = property(lambda self: self._get("related_path"))  # when the related place is in another file

    @property
    def related_line(self):
        r = self._get("related")
        return r[0] if r else None

    @property
    def related_column(self):
        r = self._get("related")
        return r[1] if r else None
