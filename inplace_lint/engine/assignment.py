"""Binding values to assignment targets: names, attributes, items and slices (a write
into a tensor), unpacking, and augmented assignment (``x += y`` is ``x.add_(y)`` on a tensor,
``+`` on anything else).  Mixed into ``Interpreter``."""
from __future__ import annotations

import libcst as cst

from .each_element import every_iteration_writes
from .expressions import BINOPS
from .storage import whole
from .graph import link, mark_read, use
from .standalone import bind_name
from .torch_semantics import _p
from .pyobjects import NO_KEY
from .aliases import data_alias
from .values import UNKNOWN_CONST, Alt, Const, Dict, Obj, Seq, Tensor, join, join_all, t_or

AUGOPS = {
    "AddAssign": "add_", "SubtractAssign": "sub_", "MultiplyAssign": "mul_", "DivideAssign": "div_",
    "FloorDivideAssign": "floor_divide_", "ModuloAssign": "remainder_", "PowerAssign": "pow_",
    "MatrixMultiplyAssign": None, "BitAndAssign": "bitwise_and_", "BitOrAssign": "bitwise_or_",
    "BitXorAssign": "bitwise_xor_", "LeftShiftAssign": "bitwise_left_shift_",
    "RightShiftAssign": "bitwise_right_shift_",
}


class Assignment:
    def _augassign(self, node, frame):
        target = node.target
        rhs = self.eval(node.value, frame)
        cur = self.eval(target, frame)
        opname = AUGOPS.get(type(node.operator).__name__)
        if type(target) is cst.Subscript and _str_key(target, frame):
            cur = UNKNOWN_CONST  # ``stats["loss"] += l``: an entry of a mapping, no tensor written
        if isinstance(cur, Tensor) and cur.kind != "opaque" or (isinstance(cur, Tensor) and isinstance(rhs, Tensor)):
            spec = self.k.function("torch.Tensor." + opname) if opname else None
            if spec is not None:
                bound = {_p(spec, 0): cur, _p(spec, 1): rhs}
                # ``d *= d``: the operand saved before the write shares its version counter
                spec = self._self_saved_argument(spec, opname, bound, cur, node, None)
            self.mutate(cur, "augassign", _augop_text(node.operator), node, target)
            if spec is not None:
                self._record_saves(spec, opname, bound, cur, node)
            if isinstance(rhs, Tensor) and self.state.grad is not False:
                self._absorb_grad(cur, rhs)
            link(cur, [rhs])
            if type(target) is cst.Subscript and self._basic_index(target, frame) is False:
                # ``x[x < 0] *= slope``: the masked read is a copy, which Python writes back
                # into ``x`` (``x[mask] = copy``): a write to x
                self.assign(target, cur, frame, node.value)
            # the name still refers to the same tensor: nothing to rebind
            return
        if isinstance(cur, Seq) and isinstance(rhs, Seq):
            self.heap.note_seq(cur)  # (on this path only)
            if cur.items is not None and rhs.items is not None and not self.loop_depth:
                cur.items.extend(rhs.items)  # straight-line, as append
                return
            straight = cur.items is None and rhs.items is not None and not self.loop_depth
            if not straight:
                cur.forget_order(join(cur.element(), rhs.element()))
                return
            cur.elem = join(cur.element(), rhs.element())
            cur.tail = (cur.tail or []) + rhs.items  # after what is there: its head stays
            return
        if isinstance(cur, Tensor) or isinstance(rhs, Tensor):
            new = self._binary(BINOPS.get(type(node.operator).__name__[:-6], "add"), cur, rhs, node)
        else:
            new = UNKNOWN_CONST
        self.assign(target, new, frame, node.value)

    def _absorb_grad(self, t: Tensor, src: Tensor):
        """``t`` was written in place with ``src``: it requires grad if ``src`` does."""
        if t.dtype == "int":
            return  # an integral tensor never requires grad; the write is not differentiable
        if src.rg is not False and t.rg is not True:
            self.heap.note_tensor(t)
            was = t.rg
            t.rg = t_or(t.rg, src.rg)
            if t.rg is True:
                # (a frozen parameter written with a value that requires grad is no leaf any
                # more, as torch makes it: a Polyak update of a target frozen by requires_grad_(False))
                t.leaf = False if t.leaf is not True or t.kind != "param" or was is False else t.leaf
            elif t.rg is None and was is False and t.kind not in ("param", "arg"):
                # torch makes it (no grad, a leaf) or (grad, not a leaf), never a
                # leaf that requires grad: three-valued facts cannot say "one or the
                # other", so "leaf" becomes unknown rather than stay True
                t.leaf = None

    def assign(self, target, value, frame, value_node=None):
        t = type(target).__name__
        if t == "Name":
            if isinstance(value, Tensor):
                # A tensor bound to a name counts as used for backward unless
                # what reads it later decides otherwise (see run()); ``_`` discards it.
                if target.value != "_":
                    bind_name(self, frame, value)
            elif isinstance(value, Seq) and (value.items is not None or value.elem is not None) \
                    and target.value != "_":
                # a list display or comprehension bound to a name: its tensors are bound as a
                # name's are, used unless what reads them decides (``logit = [logit]`` before
                # an in-place mask and an argmax: DI-engine's sample wrappers)
                for item in value.items if value.items is not None else [value.elem]:
                    if isinstance(item, Tensor):
                        bind_name(self, frame, item)
                    else:
                        use(item)
            else:
                use(value)
            frame.vars[target.value] = value
            if frame.conds:  # a flag rebound: earlier tests of it say nothing of later ones
                frame.conds = [c for c in frame.conds if c[0] != target.value] or None
        elif t in ("Tuple", "List"):
            elems = target.elements
            n = len(elems)
            items = None
            stars = [i for i, el in enumerate(elems) if type(el) is cst.StarredElement]
            if isinstance(value, Seq) and value.items is not None and len(value.items) == n and not stars:
                items = value.items
            elif isinstance(value, Seq) and value.alts and not stars and any(len(a.items) == n for a in value.alts):
                # a tuple returned n-long on some paths, longer on others: unpacking into n
                # names is one of the n-long ones, position by position
                fits = [a for a in value.alts if len(a.items) == n]
                items = [join_all([a.items[k] for a in fits]) for k in range(n)]
            elif isinstance(value, Seq) and value.items is not None and len(stars) == 1 \
                    and len(value.items) >= n - 1:
                # ``*path, leaf = "blocks.0.attn".split(".")``: the starred name gets the middle
                i, after = stars[0], n - 1 - stars[0]
                rest = value.items[i:len(value.items) - after]
                items = value.items[:i] + [Seq(items=list(rest))] + value.items[len(value.items) - after:]
            for i, el in enumerate(elems):
                if type(el) is cst.StarredElement:
                    self.assign(el.value, items[i] if items is not None else Seq(elem=self.iterate(value)), frame)
                    continue
                if items is None and isinstance(value, Tensor) and value.outputs and len(value.outputs) == n:
                    items = value.outputs  # (values, indices) = torch.max(x, dim)
                if items is not None:
                    v = items[i]
                elif isinstance(value, Const):
                    v = UNKNOWN_CONST
                elif isinstance(value, Tensor) and value.view not in ("multi", "single") and i == 0 and any(
                        s.what == "result" for s in value.storage.saves):
                    v = value  # the first part is the output the op kept ("result": nn.LSTM's output)
                elif isinstance(value, Tensor) and value.view not in ("multi", "single"):
                    # tuple-returning op or module: each part is a new tensor (a view op's result
                    # is one tensor: unpacking it is unbind, ``mu, logvar = s.view(2, b, d)``)
                    v = Tensor(rg=value.rg, leaf=None if value.rg is None else not value.rg, kind=value.kind)
                    link(v, [value])
                else:
                    v = self.iterate(value)
                self.assign(el.value, v, frame)
        elif t == "Attribute":
            obj = self.eval(target.value, frame)
            if target.attr.value == "data" and isinstance(value, Tensor) and not isinstance(obj, Obj) \
                    and not (isinstance(obj, Tensor) and obj.kind == "arg"):
                # ``t.data = v`` takes v's data, not its graph: no backward reaches v through t
                # (also where t comes from code not seen here: ``layer().weight.data = v``)
                mark_read(value)
                if isinstance(obj, Tensor):
                    # but t itself now holds v's data: what an op kept of t as its input reads it
                    self.mutate(data_alias(obj), "data_rebind", ".data =", target, target)
            elif not (isinstance(obj, Obj) and isinstance(value, Tensor) and value.rg is False):
                # kept on an object, a tensor may be read by code not seen here.  One without a
                # graph (a buffer) is not, for all that, a use of what is later written into it:
                # that is used when what reads the buffer is (libauc's temperatures, updated
                # from a graph no loss reaches: twentythird/05)
                use(value)
            if target.attr.value == "inplace" and isinstance(obj, (Obj, Alt)):
                self._set_inplace(obj, value, self._to_each(target, obj, frame))
            if isinstance(obj, Obj):
                self.heap.set(obj, target.attr.value, value)
            elif isinstance(obj, Tensor) and target.attr.value == "requires_grad":
                flag = value.value if isinstance(value, Const) and isinstance(value.value, bool) else None
                self.heap.set_requires_grad(obj, flag)
        elif t == "Subscript":
            obj = self.eval(target.value, frame)
            if isinstance(obj, Tensor) and _str_key(target, frame):
                use(value)  # ``ann["area"] = ...``: torch takes no string index, so a mapping
            elif isinstance(obj, Tensor):
                basic = self._basic_index(target, frame)
                self.mutate(obj, "setitem", "[]=", target, target.value, basic_index=basic is not False,
                            region=self.const_region(target, frame) if whole(obj) else None,
                            out_rg=self._out_rg([obj, value]))  # (what is written in: a no_grad view's fate)
                if isinstance(value, Tensor) and self.state.grad is not False:
                    self._absorb_grad(obj, value)
                link(obj, [value])
            elif isinstance(obj, Seq):
                use(value)
                self.heap.note_seq(obj)  # (on this path only)
                idx = self._const_index(target, frame)
                if isinstance(idx, int) and obj.items is not None and -len(obj.items) <= idx < len(obj.items) \
                        and not self.loop_depth:
                    obj.items[idx] = value
                else:
                    obj.forget_order(join(obj.element(), value))
            elif isinstance(obj, Dict):
                use(value)
                key = self._dict_index(target, frame)
                if key is not NO_KEY and key != "?":
                    obj.entries[key] = value
                else:
                    obj.entries["?"] = join(obj.entries.get("?"), value)
            elif isinstance(obj, Obj) and obj.items is not None:
                obj.items.append(value)
        elif t == "StarredElement":
            self.assign(target.value, value, frame)

    def _set_inplace(self, obj, value, each=False):
        """``m.inplace = True`` after construction (a loop over ``model.modules()``).
        ``each``: the loop writes it to every one of ``obj``'s options in turn."""
        flag = value.value if isinstance(value, Const) and isinstance(value.value, bool) else None
        opts = obj.options if isinstance(obj, Alt) else [obj]
        for o in opts:
            spec = self.k.module(o.qual) if isinstance(o, Obj) and o.qual else None
            if spec is not None and spec.get("inplace_kw"):
                # one of several modules: it may be this one
                o.inplace = flag if len(opts) == 1 or each or flag is None else (True if o.inplace else None)

    def _to_each(self, target, obj, frame):
        """Whether the assignment to ``target`` (``m.attr``) is made to each element of the
        enclosing ``for m in ...`` loop that ``obj`` (m, narrowed by type tests) can be."""
        for loop_frame, elem, loop in reversed(self.each_loops):
            if loop_frame is not frame:
                break
            writes = self._each_writes.get(id(loop))
            if writes is None:  # (worked out the first time a loop writes such a flag)
                writes = self._each_writes[id(loop)] = every_iteration_writes(loop)
            if id(target) in writes:
                every = elem.options if isinstance(elem, Alt) else [elem]
                return all(any(o is e for e in every) for o in (obj.options if isinstance(obj, Alt) else [obj]))
        return False

    def _basic_index(self, sub, frame):
        """True for int/slice/None indexing (a view); False for tensor or list indices (a
        copy); None when an index is of unknown type (an argument: an int or a mask)."""
        verdict = True
        for el in sub.slice:
            s = el.slice
            if type(s) is cst.Slice:
                continue
            v = self.eval(s.value, frame)
            if isinstance(v, Seq) or (isinstance(v, Tensor) and v.kind not in ("opaque", "arg")):
                return False
            if isinstance(v, Tensor):
                verdict = None
        return verdict

    def _const_index(self, sub, frame):
        if len(sub.slice) != 1 or type(sub.slice[0].slice) is not cst.Index:
            return None
        v = self.eval(sub.slice[0].slice.value, frame)
        return v.value if isinstance(v, Const) else None


def _str_key(sub, frame):
    """``x["name"]``, ``x[key, "prompt"]``: an index that is or holds a string, which no
    tensor takes (torch raises on it)."""
    if not all(type(e.slice) is cst.Index for e in sub.slice):
        return False
    keys = [e.slice.value for e in sub.slice]
    if len(keys) == 1 and type(keys[0]) is cst.Tuple:
        keys = [e.value for e in keys[0].elements]  # x[(key, "prompt")]
    return any(_str_index(k, frame) for k in keys)


def _str_index(key, frame):
    if isinstance(key, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return not (type(key) is cst.SimpleString and key.prefix.lower().startswith("b"))
    if type(key) is cst.Name:
        v = frame.lookup(key.value)
        return isinstance(v, Const) and v is not UNKNOWN_CONST and isinstance(v.value, str)
    return False


def _augop_text(op):
    return op.__class__.__name__ and {
        "AddAssign": "+=", "SubtractAssign": "-=", "MultiplyAssign": "*=", "DivideAssign": "/=",
        "FloorDivideAssign": "//=", "ModuloAssign": "%=", "PowerAssign": "**=", "MatrixMultiplyAssign": "@=",
        "BitAndAssign": "&=", "BitOrAssign": "|=", "BitXorAssign": "^=", "LeftShiftAssign": "<<=",
        "RightShiftAssign": ">>=",
    }.get(op.__class__.__name__, "op=")
