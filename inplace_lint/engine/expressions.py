"""Expressions: what a Python expression evaluates to over abstract values.

Names, attributes, subscripts (views), operators (ops that save), literals,
comprehensions and iteration.  A mixin of the ``Interpreter``; statements live
in ``interpreter.py``, calls in ``calls.py``.
"""
from __future__ import annotations

import operator

import libcst as cst

from . import guards, known_constants
from .containers import AnyOrder
from .frames import Frame, decorator_name, nonempty
from .project import hooks as project_hooks
from .pyobjects import (
    ARRAY_PROPERTIES, NDARRAY_ONLY_METHODS, NO_KEY, array_attribute, dict_entries, dict_key, missing_item, truthiness,
)
from .registration import HookHandle
from .standalone import named_after_all
from .objects import PARSED_ARGS
from .torch_semantics import HARMLESS_METHODS
from .aliases import data_alias
from .values import (
    UNKNOWN_CONST, Alt, AltCallable, BoundMethod, ClassInfo, Const, Dict, Func, Obj, Qual, Seq, SuperRef,
    Tensor, hidden, join, join_all, made_after, opaque, result_tensor,
)
from .storage import whole
from .graph import link, mark_read
from .loops import config_items, constant_items, dict_keys, keyed_items, tensor_items, torch_layers


BINOPS = {
    "Add": "add", "Subtract": "sub", "Multiply": "mul", "Divide": "div", "FloorDivide": "floor_divide",
    "Modulo": "remainder", "Power": "pow", "MatrixMultiply": "matmul", "BitAnd": "bitwise_and",
    "BitOr": "bitwise_or", "BitXor": "bitwise_xor", "LeftShift": "bitwise_left_shift",
    "RightShift": "bitwise_right_shift",
}
# Tensor methods that str, list, dict and set have too: calling one on a value
# of unknown type says nothing about its type.
SHARED_METHODS = {"add", "index", "sort", "split", "values", "count", "copy", "pop", "update", "join"}
# ndarray methods named like Tensor methods: no evidence either
NUMPY_METHODS = {
    "all", "any", "argmax", "argmin", "argpartition", "argsort", "astype", "clip", "conj", "copy", "cumprod",
    "cumsum", "diagonal", "dot", "fill", "flatten", "item", "max", "mean", "min", "nonzero", "prod", "put",
    "ravel", "repeat", "reshape", "resize", "round", "searchsorted", "squeeze", "std", "sum", "swapaxes",
    "take", "tobytes", "tolist", "trace", "transpose", "var", "view", "abs", "T", "shape", "size", "ndim",
    "dtype",
}

_BUILTINS = {"zip", "enumerate", "list", "tuple", "sorted", "reversed", "iter", "next", "sum", "max", "min",
             "getattr", "setattr", "super", "dict", "map", "filter", "print", "set", "frozenset", "len", "range",
             "isinstance", "int", "float", "str", "bool", "abs", "round", "hasattr", "type", "id", "any", "all",
             "slice", "callable", "globals"}


class Expressions:
    # ------------------------------------------------------------- expressions
    def eval(self, node, frame):
        h = self._expr.get(type(node))  # (Interpreter._expr)
        if h is None:
            return UNKNOWN_CONST
        return h(self, node, frame)

    def _number(self, node, frame):
        # int()/float() instead of evaluated_value, which compiles the literal
        text = node.value.replace("_", "")
        try:
            return Const(float(text) if type(node) is cst.Float else int(text, 0))
        except ValueError:
            return UNKNOWN_CONST

    def _string(self, node, frame):
        # The text between the quotes, escapes left as written: string values
        # only serve as names (register_buffer, getattr, dict keys), and
        # evaluated_value would compile every docstring.
        v = node.value
        q = v[-1]
        body = v[v.index(q):]
        n = 3 if body[:3] == q * 3 else 1
        return Const(body[n:-n])

    def _name(self, node, frame):
        name = node.value
        v = frame.lookup(name)
        if v is not None:
            if self.unnamed and isinstance(v, Tensor):
                named_after_all(self, v)  # a local named again (see standalone.bind_name)
            elif self.unnamed and isinstance(v, Seq):
                for t in v.items if v.items is not None else [v.elem]:
                    if isinstance(t, Tensor):
                        named_after_all(self, t)  # (the members of a list bound to a name)
            return v
        if name in ("True", "False", "None"):
            return Const({"True": True, "False": False, "None": None}[name])
        if name in _BUILTINS:
            return Qual("builtins." + name)
        if self.project is not None:
            v = project_hooks.star_lookup(self, name)
            if v is not None:
                return v
        return opaque()

    def _attribute(self, node, frame):
        base = self.eval(node.value, frame)
        return self.getattr(base, node.attr.value, node)

    def getattr(self, base, attr, node=None):
        if isinstance(base, BoundMethod) and isinstance(base.recv, Tensor) and base.recv.kind in ("arg", "opaque"):
            # an attribute of a value of unknown kind (``self.head.weight``) whose own attribute
            # is read: a value, not a method (its ``.data`` has no grad)
            base = opaque(base.recv.rg)
        if isinstance(base, HookHandle) or isinstance(base, Const) and isinstance(base.value, str) \
                and base is not UNKNOWN_CONST:
            return BoundMethod(base, attr)  # handle.remove(), "a.b".split(".")
        if isinstance(base, Qual):
            return Qual(self.k.resolve(base.name + "." + attr))  # re-exports: torch.functional.F
        if array_attribute(base, attr):
            # of an ndarray (``arr: np.ndarray``, ``np.arange(n)``) or a number: no tensor
            return UNKNOWN_CONST if attr in ARRAY_PROPERTIES else BoundMethod(base, attr)
        if isinstance(base, Tensor):
            if attr == "data":
                mark_read(base)  # the alias has no graph: reading it keeps no backward alive
                return data_alias(base)
            if attr == "grad":
                return Tensor(rg=False, leaf=True, kind="fresh")
            if base.outputs and attr in (base.out_fields or ()):
                return base.outputs[base.out_fields.index(attr)]  # x.max(1).values, eigh(a).eigenvectors
            if attr in ("T", "mT", "H", "mH", "real", "imag"):
                return self._view_of(base, attr, "single")
            if attr in ("shape", "dtype", "device", "ndim", "requires_grad", "is_leaf", "grad_fn", "layout",
                        "is_cuda", "names"):
                if attr == "dtype" and node is not None:
                    self.dtype_of[id(node)] = base  # (``.to(v.dtype)``: see TorchSemantics._dtype_like)
                return UNKNOWN_CONST
            if base.distribution:
                # a sample is drawn without grad; the rest (log_prob, entropy, rsample, mean,
                # probs) are computed from the distribution's tensors
                return opaque(False) if attr in ("sample", "sample_n") else self._distribution([base], {})
            if base.kind in ("arg", "opaque"):
                if attr in SHARED_METHODS:
                    # str.split, set.add, dict.values: no evidence that this is a tensor
                    return opaque(base.rg)
                if base.kind == "arg" and self.k.is_tensor_method(attr) and attr not in NUMPY_METHODS:
                    base.kind = "input"  # only a tensor has this method: evidence of its type
            if self.k.is_tensor_method(attr) or attr in HARMLESS_METHODS or attr in NDARRAY_ONLY_METHODS:
                return BoundMethod(base, attr)
            return opaque(base.rg) if base.kind == "opaque" else BoundMethod(base, attr)
        if isinstance(base, Obj):
            if attr in base.attrs:
                return base.attrs[attr]
            if attr.isdigit() and base.items is not None and int(attr) < len(base.items):
                return base.items[int(attr)]  # getattr(seq, "0"): a Sequential's first layer
            if base.cls is not None:
                m, owner = base.cls.lookup(attr)
                if m is not None:
                    return self._bind_method(m, owner, base)
                v = base.cls.class_attr(attr)
                if v is not None:
                    return v
                m, owner = base.cls.lookup("__getattr__")
                if m is not None and not attr.startswith("__"):  # (called only for what is not found)
                    return self.call_function(Func(m, owner=owner, bound=base), [Const(attr)], {}, node or m)
            if base.qual == PARSED_ARGS:
                return UNKNOWN_CONST  # a command-line option: a string, number or list, no tensor
            if attr == "param_groups" and base.params is not None:
                # an optimizer's groups: ``for p in group["params"]: p.add_(e_w)`` (SAM)
                # (its other entries are the group's settings: lr, momentum, and the like)
                return Seq(elem=Dict({"params": Seq(elem=base.params)}, factory=UNKNOWN_CONST), nonempty=True)
            return BoundMethod(base, attr)
        if isinstance(base, ClassInfo):
            m, owner = base.lookup(attr)
            if m is not None:
                return self._bind_method(m, owner, None)
            v = base.class_attr(attr)
            return v if v is not None else BoundMethod(base, attr)
        if isinstance(base, SuperRef):
            for c in base.following():
                if not isinstance(c, ClassInfo):
                    break  # a torch or library base: its methods are known otherwise
                if attr in c.methods:
                    return self._bind_method(c.methods[attr], c, base.obj)
            return BoundMethod(base, attr)
        if isinstance(base, (Seq, Dict)):
            return BoundMethod(base, attr)
        if isinstance(base, Alt):
            vals = [self.getattr(o, attr, node) for o in base.options]
            if all(v is vals[0] for v in vals):
                return vals[0]
            if all(isinstance(v, (Func, BoundMethod)) for v in vals):
                return AltCallable(vals)
            return join_all(vals)
        return opaque()

    def getattr_matching(self, base, pattern):
        """The join of ``base``'s known attributes whose names match ``pattern`` (a
        getattr with a computed name); None when there is none to go by."""
        if pattern is None:
            return None
        if isinstance(base, Alt):
            vals = [self.getattr_matching(o, pattern) for o in base.options]
            return None if any(v is None for v in vals) else join_all(vals)
        if not isinstance(base, Obj):
            return None
        vals = [v for k, v in base.attrs.items() if isinstance(k, str) and pattern.fullmatch(k)]
        got = join_all(vals) if vals else None
        if isinstance(got, Tensor) and (len(vals) > 1 or got.members and len(got.members) > 1):
            # one of them (of several attributes, or of those a loop set under names it
            # computed), picked by a name computed here (``getattr(self, f"scale_{task}")``):
            # another pass of a loop picks another one (see mutate)
            got = got.copy(picked=True)
        return got

    def _bind_method(self, node, owner, obj):
        decos = {decorator_name(d) for d in node.decorators}
        grad = self._decorated_grad(node, owner, bound=obj is not None)
        if "staticmethod" in decos:
            return Func(node, owner=owner, grad=grad)
        if "property" in decos and obj is not None:
            return self.call_function(Func(node, owner=owner, bound=obj, grad=grad), [], {}, node)
        if "classmethod" in decos:
            return Func(node, owner=owner, bound=owner, grad=grad)
        return Func(node, owner=owner, bound=obj, grad=grad)

    def _dict_index(self, sub, frame):
        """The key of ``d[key]`` when it is a known constant (see dict_key), else NO_KEY."""
        if len(sub.slice) != 1 or type(sub.slice[0].slice) is not cst.Index:
            return NO_KEY
        return dict_key(self.eval(sub.slice[0].slice.value, frame))

    def _subscript(self, node, frame):
        base = self.eval(node.value, frame)
        if isinstance(base, Qual) and base.name == "sys.modules" and _own_name(node):
            # ``getattr(sys.modules[__name__], name)(d)``: the module's own definitions by name
            own = Obj(qual="namespace")
            own.attrs.update(self.own_definitions())
            return own
        if self.project is not None and isinstance(base, Qual):
            base = project_hooks.resolve_value(self, base)  # a table in another module (a registry)
        base = dict_entries(base) or base  # an item of a dict subclass's instance
        if isinstance(base, Tensor) and base.outputs:
            idx = self._const_index(node, frame)
            if isinstance(idx, int) and -len(base.outputs) <= idx < len(base.outputs):
                return base.outputs[idx]
        if isinstance(base, Const):
            return UNKNOWN_CONST  # an item of a number, string or shape
        if isinstance(base, Tensor):
            basic = self._basic_index(node, frame)
            if basic is not False:
                v = self._view_of(base, "__getitem__", "single")
                if whole(base):
                    v.region = self.const_region(node, frame)
                if base.kind in ("arg", "opaque") or basic is None:
                    # of unknown type (maybe a list, whose item is no view), or
                    # indexed by something that may be a mask (a copy)
                    v.alias_certain = False
                    v.alias_op = "[]"
                return v
            out = result_tensor(self._out_rg([base]), dtype=base.dtype)
            link(out, [base])
            return out
        if isinstance(base, Seq):
            idx = self._const_index(node, frame)
            if isinstance(idx, int) and base.items is not None and -len(base.items) <= idx < len(base.items):
                return base.items[idx]
            if isinstance(idx, int) and base.items is None and (0 <= idx < len(base.head or ()) or
                                                                 -len(base.tail or ()) <= idx < 0):
                return base.head[idx] if idx >= 0 else base.tail[idx]  # a known first or last member
            if len(node.slice) == 1 and type(node.slice[0].slice) is cst.Slice:
                sl = node.slice[0].slice
                bounds = self._const_ints((sl.lower, sl.upper), frame)
                if base.items is not None and sl.step is None and bounds is not None:
                    return Seq(items=base.items[bounds[0]:bounds[1]], is_tuple=base.is_tuple)
                return Seq(elem=base.element(), is_tuple=base.is_tuple)
            e = base.element()
            if isinstance(idx, guards.Later) and idx.stop is None and base.items is None and base.head \
                    and isinstance(e, Tensor) and e.members:
                # i >= 1 in a later iteration of ``for i in range(n)``: not the known first member
                rest = [m for m in e.members if m is not base.head[0]]
                if rest and len(rest) < len(e.members):
                    e = join_all(rest)
            if isinstance(e, Tensor) and not isinstance(idx, int):
                e = e.copy(partial=True)
                if isinstance(idx, guards.Later) and idx.earlier and \
                        not any(m.base is not None for m in (e.members or [e])):
                    e = _earlier_hidden(e, idx, self.appended)
            return e
        if isinstance(base, Alt) and all(isinstance(o, Dict) for o in base.options):
            # one of several dicts (``for group in self.param_groups``): the entry of each
            key = self._dict_index(node, frame)
            if key is not NO_KEY and all(key in o.entries for o in base.options):
                return join_all([o.entries[key] for o in base.options])
        if isinstance(base, Dict):
            key = self._dict_index(node, frame)
            if key is not NO_KEY and key in base.entries:
                return base.entries[key]
            # (a defaultdict makes the entry on first reading)
            item = missing_item(base, None if key is NO_KEY else key)
            if item is not None:
                return item
            return join_all(base.entries.values()) if base.entries else opaque()
        if isinstance(base, Obj):
            if base.items is not None:
                idx = self._const_index(node, frame)
                if isinstance(idx, int) and -len(base.items) <= idx < len(base.items):
                    return base.items[idx]
                if len(node.slice) == 1 and type(node.slice[0].slice) is cst.Slice and \
                        not any(isinstance(m, AnyOrder) for m in base.items):
                    # (a list of unknown order stands for layers not known one by one: its join)
                    return self._module_slice(base, node.slice[0].slice, frame)
                return join_all(base.items) if base.items else opaque()
            key = self._const_index(node, frame)
            if isinstance(key, str) and key in base.attrs:
                return base.attrs[key]
        return opaque()

    def _module_slice(self, base, sl, frame):
        """``blocks[:-1]`` of a ModuleList or Sequential is another one, of the same modules
        in order (not one of them: iterating it gives modules, not their children); of all
        of them when the bounds are unknown."""
        part = Obj(cls=base.cls, qual=base.qual, is_module=base.is_module, ctor_node=base.ctor_node,
                   ctor_stmt=base.ctor_stmt)
        bounds = self._const_ints((sl.lower, sl.upper, sl.step), frame)
        part.items = list(base.items)
        if bounds is not None and bounds[2] != 0:
            part.items = part.items[slice(*bounds)]
        return part

    def _const_ints(self, exprs, frame):
        """The values of slice bounds that are int constants or left out (None); None
        when one of them is not known."""
        out = []
        for b in exprs:
            v = self.eval(b, frame) if b is not None else Const(None)
            if not (isinstance(v, Const) and v is not UNKNOWN_CONST and (v.value is None or type(v.value) is int)):
                return None
            out.append(v.value)
        return out

    def const_region(self, node, frame):
        """What ``x[...]`` covers along each leading dimension, for constant indices and
        slices (``x[:, :2]``, ``x[3]``); None for anything else (negative, stepped, masks)."""
        out = []
        for el in node.slice:
            sl = el.slice
            if type(sl) is cst.Index:
                v = self.eval(sl.value, frame)
                if not (isinstance(v, Const) and type(v.value) is int and v.value >= 0):
                    return None
                out.append((v.value, v.value + 1))
            elif type(sl) is cst.Slice and sl.step is None:
                bounds = self._const_ints((sl.lower, sl.upper), frame)
                if bounds is None or any(b is not None and b < 0 for b in bounds):
                    return None
                out.append((bounds[0] or 0, bounds[1]))
            else:
                return None
        return tuple(out)

    def _binop(self, node, frame):
        # ``x + x + ... + x`` nests to the left: walk that spine iteratively
        spine = []
        while type(node) is cst.BinaryOperation:
            spine.append(node)
            node = node.left
        left = self.eval(node, frame)
        for node in reversed(spine):
            left = self._binop_values(node, left, self.eval(node.right, frame))
        return left

    def _binop_values(self, node, left, right):
        op = BINOPS.get(type(node.operator).__name__)
        if isinstance(left, Tensor) or isinstance(right, Tensor):
            return self._binary(op, left, right, node)
        if isinstance(left, Seq) and isinstance(right, Seq):
            if op == "add" and left.items is not None and right.items is not None and left.tail is None \
                    and right.tail is None and left.is_tuple == right.is_tuple:
                return Seq(items=left.items + right.items, is_tuple=left.is_tuple)  # [a] + [b, c]
            return Seq(elem=join(left.element(), right.element()))
        if op == "mul" and (isinstance(left, Seq) or isinstance(right, Seq)):
            return _repeat(left, right) if isinstance(left, Seq) else _repeat(right, left)
        if isinstance(left, Seq):
            return left
        if _numbers(left, right):
            # ``2 * act_dim``, ``n - 1``: sizes of layers, bounds of loops; ``beta=1.0 / 9``: a known
            # float picks what an op keeps (the knowledge's saves_unless)
            return _arithmetic(type(node.operator), left.value, right.value)
        if op == "add" and isinstance(left, Const) and isinstance(right, Const) and type(left.value) is str \
                and type(right.value) is str and left is not UNKNOWN_CONST and right is not UNKNOWN_CONST:
            return Const(left.value + right.value)  # getattr(module, self.name + "_orig")
        return UNKNOWN_CONST

    def _binary(self, op, left, right, node):
        spec = self.k.function("torch." + op) if op else None
        if spec is None:
            out = result_tensor(self._out_rg([left, right]))
            link(out, [left, right])
            return out
        return self.apply_op(spec, op, [left, right], {}, node)

    def _unaryop(self, node, frame):
        v = self.eval(node.expression, frame)
        if isinstance(v, Tensor):
            if type(node.operator).__name__ == "Minus":
                spec = self.k.function("torch.neg")
                if spec is not None:
                    return self.apply_op(spec, "neg", [v], {}, node)
            return result_tensor(self._out_rg([v]) if type(node.operator).__name__ == "Minus" else False)
        if isinstance(v, Const) and v is not UNKNOWN_CONST and type(v.value) in (int, float) \
                and type(node.operator).__name__ in ("Minus", "Plus"):
            return Const(-v.value if type(node.operator).__name__ == "Minus" else v.value)  # xs[-1]
        if type(node.operator) is cst.Not and not isinstance(v, Tensor):
            truth = truthiness(v)  # create_graph=not first_order
            return Const(not truth) if truth is not None else UNKNOWN_CONST
        return UNKNOWN_CONST

    def _boolop(self, node, frame):
        # ``head or {}`` with a config dict of known entries is that dict, as Python
        # short-circuits; only an operand of unknown truth joins both sides
        left = self.eval(node.left, frame)
        truth = truthiness(left)
        if truth is not None and truth == (type(node.operator) is cst.Or):
            return left
        right = self.eval(node.right, frame)
        return right if truth is not None else join(left, right)

    def _compare(self, node, frame):
        vals = [self.eval(node.left, frame)] + [self.eval(c.comparator, frame) for c in node.comparisons]
        known = _none_test(node, vals[0])
        if known is not None:
            return Const(known)  # ``self.downsample is not None`` in a property: a module
        if any(isinstance(v, Tensor) for v in vals):
            # a comparison reads its operands into a bool tensor: no backward reaches them through it
            link(None, vals)
            return Tensor(rg=False, leaf=True, kind="fresh", dtype="int")
        if len(node.comparisons) == 1:
            # ``x.requires_grad_(cfg.r1_gamma > 0)``, ``use_bias = bias != 0``: known constants
            got = known_constants.compare_constants(self, node, frame)
            if isinstance(got, bool):
                return Const(got)
        return UNKNOWN_CONST

    def _ifexp(self, node, frame):
        self.tested = (node.test, self.eval(node.test, frame))
        return self.branch_values(node.test, frame, node.body, node.orelse)

    def _tuple(self, node, frame):
        return self._display(node, frame, True)

    def _list(self, node, frame):
        return self._display(node, frame, False)

    def _display(self, node, frame, is_tuple):
        """A list or tuple display; a starred part of known members is spliced in
        (``[obs_dim, *hidden, out]`` with ``hidden=(32, 32)``), any other leaves the length unknown."""
        items, unknown = [], False
        for e in node.elements:
            v = self.eval(e.value, frame)
            if type(e) is cst.StarredElement:
                if isinstance(v, Seq) and v.items is not None and v.tail is None:
                    items.extend(v.items)
                else:
                    unknown = True
                    items.append(self.iterate(v))
                continue
            items.append(v)
        if unknown:
            return Seq(elem=join_all(items), is_tuple=is_tuple)
        return Seq(items=items, is_tuple=is_tuple)

    def _dict(self, node, frame):
        entries = {}
        for el in node.elements:
            if type(el) is cst.DictElement:
                k = self.eval(el.key, frame)
                v = self.eval(el.value, frame)
                key = dict_key(k)
                if key is NO_KEY:
                    entries["?"] = join(entries.get("?"), v)  # (every entry of unknown key)
                else:
                    entries[key] = v  # ``{"bn": nn.BatchNorm2d, None: None}``: None is a key too
        return Dict(entries)

    def _fstring(self, node, frame):
        """``f"{name}_step"`` with ``name`` a known constant: the string; other f-strings
        (whose parts are not all names of known constants) are some string, not evaluated."""
        text = []
        for p in node.parts:
            if type(p) is cst.FormattedStringText:
                text.append(p.value)
                continue
            if p.conversion is not None or p.format_spec is not None or not _named(p.expression):
                return UNKNOWN_CONST
            v = self.eval(p.expression, frame)
            if not isinstance(v, Const) or v is UNKNOWN_CONST or type(v.value) not in (str, int):
                return UNKNOWN_CONST
            text.append(str(v.value))
        return Const("".join(text))

    def _each_item(self, for_in, it, frame, body):
        """A comprehension over a few constants (``for n in ("q", "k", "v")``), known dicts or
        objects, a small dict's known keys, a known dict's items, or a small model's modules
        filtered by type (``[m for m in model.modules() if isinstance(m, LoRALinear)]``):
        ``body`` evaluated once per item, in order, for the items its filters (calling
        nothing, or type tests) keep; None when the loop is not of that kind or a filter's
        truth is not known for some item.  ``it``: what the loop iterates over."""
        tests = [f.test for f in for_in.ifs]
        if for_in.inner_for_in is not None or not all(_plain_test(t) or _type_test(t) for t in tests):
            return None
        # (a filter keeps a few of a model's modules: more of them are run through it)
        typed = bool(tests) and all(_type_test(t) for t in tests)
        items = constant_items(it) or dict_keys(it) or self._short_range(for_in.iter, frame) or \
            config_items(it, 16 if typed else 8) or keyed_items(it, 64 if tests else 16) or tensor_items(it)
        if items is None and isinstance(it, Obj) and torch_layers(it):
            items = it.items  # ``[branch(x) for branch in self.branches]``: each branch, in order
        if items is None:
            return None
        kept = []
        for item in items:
            inner = Frame(parent=frame)
            self.assign(for_in.target, item, inner, for_in.iter)
            truths = [self._filter_truth(t, inner) for t in tests]
            if None in truths:
                return None
            if all(truths):
                kept.append(inner)
        return [body(inner) for inner in kept]

    def _filter_truth(self, test, frame):
        if _type_test(test):  # decided by what the item is
            if guards.refine(self, test, frame, True) is guards.INFEASIBLE:
                return False
            return True if guards.refine(self, test, frame, False) is guards.INFEASIBLE else None
        return truthiness(self.eval(test, frame))

    def _short_range(self, call, frame, limit=3):
        """``range(2)``: the few ints of a range of known bounds (at most ``limit``), so that
        ``tuple(x.new_zeros(b, d) for _ in range(2))`` makes two tensors, not one twice."""
        if type(call) is not cst.Call or type(call.func) is not cst.Name or call.func.value != "range" \
                or frame.lookup("range") is not None or not 0 < len(call.args) <= 3 \
                or any(a.keyword or a.star or not _sized(a.value) for a in call.args) \
                or frame.lookup("len") is not None:
            return None
        bounds = [self.eval(a.value, frame) for a in call.args]  # (again: plain, so no effects)
        if not all(isinstance(b, Const) and type(b.value) is int for b in bounds):
            return None
        numbers = range(*[b.value for b in bounds])
        return [Const(i) for i in numbers] if 0 < len(numbers) <= limit else None

    def _comp(self, node, frame):
        it = self.eval(node.for_in.iter, frame)
        each = self._each_item(node.for_in, it, frame, lambda inner: self.eval(node.elt, inner))
        if each is not None:
            return Seq(items=each, nonempty=bool(each))
        inner = Frame(parent=frame)
        inner.vars = {}
        self._bind_comp(node.for_in, inner, it)
        # as many elements as the one loop runs (at least one, or two): [Block() for _ in range(4)]
        many = nonempty(it) if node.for_in.inner_for_in is None and not node.for_in.ifs else False
        if many and isinstance(it, Seq) and it.items is not None:
            many = min(len(it.items), 2)
        return Seq(elem=self.eval(node.elt, inner), nonempty=many)

    def _dictcomp(self, node, frame):
        it = self.eval(node.for_in.iter, frame)
        each = self._each_item(node.for_in, it, frame,
                               lambda inner: (self.eval(node.key, inner), self.eval(node.value, inner)))
        if each is not None:
            if all(isinstance(k, Const) and k is not UNKNOWN_CONST for k, _ in each):
                return Dict({k.value: v for k, v in each})
            return Dict({"?": join_all([v for _, v in each])})
        inner = Frame(parent=frame)
        self._bind_comp(node.for_in, inner, it)
        self.eval(node.key, inner)
        return Dict({"?": self.eval(node.value, inner)})

    def _bind_comp(self, for_in, frame, first=None):
        """Bind the targets; returns what the first ``for`` iterates over (``first``: that,
        already evaluated)."""
        given = first
        while for_in is not None:
            it = given if given is not None else self.eval(for_in.iter, frame)
            given = None
            first = it if first is None else first
            self.assign(for_in.target, self.iterate(it), frame, for_in.iter)
            for cond in for_in.ifs:
                self.eval(cond.test, frame)
                # the elements kept are those the test holds for
                # (``[m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]``)
                facts = guards.refine(self, cond.test, frame, True)
                if facts is not guards.INFEASIBLE and facts:
                    guards.apply(self, frame, facts)
            for_in = for_in.inner_for_in
        return first

    def _namedexpr(self, node, frame):
        v = self.eval(node.value, frame)
        self.assign(node.target, v, frame)
        return v

    def _yield(self, node, frame):
        if node.value is not None:
            v = self.eval(node.value, frame)
            frame.yields.append(v)
            if self.loop_depth != frame.loop_at_entry:
                frame.ordered = False
        return UNKNOWN_CONST

    def iterate(self, v):
        """The value of one element when iterating over ``v``."""
        if isinstance(v, Seq):
            return v.element()
        if isinstance(v, Tensor):
            if v.kind in ("opaque", "arg") or v.members and all(m.kind in ("opaque", "arg") for m in v.members):
                # of unknown type: far more often a list of tensors than a tensor
                return opaque(v.rg) if v.rg is not None else opaque()
            # Tensor.__iter__ is unbind(0): each element is a multi-output view.
            return self._view_of(v, "unbind", "multi")
        if isinstance(v, (Dict, Const)):
            return UNKNOWN_CONST
        if isinstance(v, Obj) and v.items is not None:
            return join_all(v.items) if v.items else opaque()
        fn, owner = v.cls.lookup("__iter__") if isinstance(v, Obj) and v.cls is not None else (None, None)
        if fn is not None:
            # an object of the code's own class with ``__iter__`` (``list(taps)``): what it yields
            it = self.call_function(Func(fn, owner=owner, bound=v), [], {}, self.cur_stmt or fn)
            if isinstance(it, Obj) and it.cls is not None and it.cls is v.cls:
                # an iterator class (``__iter__`` returns ``self``): what its ``__next__`` returns
                nxt, owner = v.cls.lookup("__next__")
                return self.call_function(Func(nxt, owner=owner, bound=it), [], {}, self.cur_stmt or nxt) \
                    if nxt is not None else opaque()
            got = self.iterate(it)
            if isinstance(got, Tensor) and got.view == "multi":
                # an iterator over something only taken for a tensor (a progress bar around a
                # data loader): its items are of unknown type, not rows of a tensor
                return opaque(got.rg)
            return got
        if isinstance(v, Alt):
            return join_all([self.iterate(o) for o in v.options])
        if isinstance(v, Obj) and v.qual == "torch.nn.ModuleDict":
            return UNKNOWN_CONST
        return opaque()


def _named(node):
    """``name``, ``self.arch`` or ``cfg["module"]``: a part of an f-string read without calling anything."""
    if type(node) is cst.Subscript:
        sl = node.slice
        return len(sl) == 1 and type(sl[0].slice) is cst.Index and \
            type(sl[0].slice.value) in (cst.SimpleString, cst.Integer) and _named(node.value)
    return isinstance(node, (cst.Name, cst.Attribute))


def _repeat(seq, times):
    """``[hidden] * n_layers``: the items repeated where both are known (layer widths
    zipped with their shifted copy), else a sequence of the same elements."""
    if seq.items is not None and seq.tail is None and isinstance(times, Const) and type(times.value) is int \
            and times is not UNKNOWN_CONST and 0 <= times.value and len(seq.items) * times.value <= MAX_REPEAT:
        return Seq(items=list(seq.items) * times.value, is_tuple=seq.is_tuple)
    return Seq(elem=seq.element(), is_tuple=seq.is_tuple)


def _plain(node):
    """An expression whose evaluation calls nothing (``n``, ``self.depth - 1``, ``2``,
    ``cfg["depth"]``)."""
    if isinstance(node, (cst.Integer, cst.Name)):
        return True
    if type(node) is cst.Attribute:
        return _plain(node.value)
    if type(node) is cst.Subscript and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
        # ``cfg["dec_layers"]``: an entry of a config read by a constant key
        key = node.slice[0].slice.value
        return _plain(node.value) and (type(key) is cst.Integer or type(key) is cst.SimpleString)
    if type(node) is cst.UnaryOperation:
        return _plain(node.expression)
    if type(node) is cst.BinaryOperation:
        return _plain(node.left) and _plain(node.right)
    return False


def _sized(node):
    """A plain expression that may also take the length of a plain one (``range(len(dims) - 2)``,
    the sites between a network's layers): the builtin ``len`` of a list calls none of the code."""
    if type(node) is cst.Call:
        return type(node.func) is cst.Name and node.func.value == "len" and len(node.args) == 1 and \
            not node.args[0].keyword and not node.args[0].star and _plain(node.args[0].value)
    if type(node) is cst.UnaryOperation:
        return _sized(node.expression)
    if type(node) is cst.BinaryOperation:
        return _sized(node.left) and _sized(node.right)
    return _plain(node)


def _plain_test(node):
    """A filter whose evaluation calls nothing (``k != "name"``, ``not skip``, ``n in KEEP``)."""
    if isinstance(node, cst.Comparison):
        return _plain_test(node.left) and all(_plain_test(c.comparator) for c in node.comparisons)
    if isinstance(node, cst.BooleanOperation):
        return _plain_test(node.left) and _plain_test(node.right)
    if isinstance(node, (cst.SimpleString, cst.Float)):
        return True
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        return all(_plain_test(e.value) for e in node.elements)
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in _STR_TESTS:
        # ``name.endswith("attn_softmax")``: a string's own test
        return _plain(node.func.value) and all(not a.keyword and not a.star and _plain_test(a.value) for a in node.args)
    return _plain(node)


MAX_REPEAT = 256  # members of a repeated list kept one by one
_STR_TESTS = {"startswith", "endswith", "isdigit", "isidentifier"}


def _type_test(node):
    """``isinstance(m, C)``, ``hasattr(m, "x")``, their negations and conjunctions, on
    plain arguments: a test that calls nothing."""
    if type(node) is cst.UnaryOperation and type(node.operator) is cst.Not:
        return _type_test(node.expression)
    if type(node) is cst.BooleanOperation:
        return _type_test(node.left) and _type_test(node.right)
    return type(node) is cst.Call and type(node.func) is cst.Name and \
        node.func.value in ("isinstance", "hasattr") and len(node.args) == 2 and \
        all(a.keyword is None and not a.star and (_plain(a.value) or isinstance(a.value, (cst.SimpleString, cst.Tuple)))
            for a in node.args)


_ARITHMETIC = {cst.Add: operator.add, cst.Subtract: operator.sub, cst.Multiply: operator.mul,
               cst.Divide: operator.truediv, cst.FloorDivide: operator.floordiv}


def _arithmetic(op, a, b):
    """``a op b`` of two known numbers, as Python computes it: an int of two ints (but for
    ``/``), else a float; UNKNOWN_CONST for another operator, ``//`` of floats, a zero
    divisor or an overflow."""
    ints = type(a) is int and type(b) is int
    fn = _ARITHMETIC.get(op)
    if fn is None or op is cst.FloorDivide and not ints:
        return UNKNOWN_CONST
    try:
        got = fn(a, b)
    except (ArithmeticError, ValueError):
        return UNKNOWN_CONST
    return Const(got if ints and op is not cst.Divide else float(got))


def _numbers(left, right):
    return all(isinstance(v, Const) and v is not UNKNOWN_CONST and type(v.value) in (int, float)
               for v in (left, right))


def _earlier_hidden(e, idx, appended):
    """``xs[i]`` in a later iteration (``e``, the join of the list's members) is another
    element than the earlier iterations': what they saved of theirs is not its save.
    Except for a member that an earlier iteration appended, while this one has appended
    nothing yet (``h_list[layer] += vn`` at the top of a layer loop that ends with
    ``h_list.append(h)``): the list's i-th element there is one an earlier iteration made,
    and what that iteration saved of it is saved.  (Not one stored by ``xs[i] = t``: that
    is the element of the iteration's own index, another in each: torch's SGD momentum
    buffers.)"""
    members = e.members or [e]

    def grown(m):  # appended by this loop (not stored at ``xs[i]``, which is i's own element)
        return made_after(m, idx.mark) and m.storage.id in appended
    if idx.mark is None or any(made_after(m, idx.pass_mark) for m in members) or not any(map(grown, members)):
        return hidden(e, idx.earlier)
    out = join_all([m if grown(m) else hidden(m, idx.earlier) for m in members])
    return out.copy(partial=True) if isinstance(out, Tensor) else out


def _none_test(node, left):
    """``x is None`` / ``x is not None`` decided by what ``x`` holds (a module, a list, a
    constant, a tensor made here: not None; a known None), else None."""
    if len(node.comparisons) != 1:
        return None
    comp = node.comparisons[0]
    if type(comp.operator) not in (cst.Is, cst.IsNot) or type(comp.comparator) is not cst.Name or \
            comp.comparator.value != "None":
        return None
    if isinstance(left, Const) and left is not UNKNOWN_CONST and left.value is None:
        is_none = True
    elif guards.never_none(left) or guards.made_tensor(left):
        is_none = False
    else:
        return None
    return is_none == (type(comp.operator) is cst.Is)


def _own_name(sub):
    """``sys.modules[__name__]``: the running module itself."""
    return len(sub.slice) == 1 and type(sub.slice[0].slice) is cst.Index and \
        type(sub.slice[0].slice.value) is cst.Name and sub.slice[0].slice.value.value == "__name__"
