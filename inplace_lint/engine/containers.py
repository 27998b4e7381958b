"""Module containers: what an ``nn.Sequential`` or ``nn.ModuleList`` holds, and how a
Sequential runs its modules.

A Sequential built from a literal runs its modules one after another.  One built
from a list whose order is not known here (``nn.Sequential(*layers)`` where the
layers were appended in a loop, or come from a ModuleList) holds an ``AnyOrder``:
some of those modules, each applied to the output of the one before.
"""
from __future__ import annotations

from .state import State
from .values import (
    Alt, Const, Dict, Obj, Seq, Starred, Storage, Tensor, hidden_linked, join, make_group, opaque, t_or,
)


class AnyOrder(Alt):
    """Some of the modules of a list, in an order not known here (an ``Alt`` to
    everything else: any one of them may be the module called)."""

    __slots__ = ()


def container_items(interp, qual, args, kwargs, obj):
    """The members of a container built with these arguments (None: not a list)."""
    if qual == "torch.nn.Sequential":
        items = []
        for a in args:
            if isinstance(a, Starred):
                if isinstance(a.value, Seq) and a.value.items is not None:
                    items.extend(a.value.items)  # a literal or straight-line appends: in order
                elif isinstance(a.value, Obj) and a.value.is_module and a.value.items is not None:
                    items.extend(a.value.items)  # the layers of a ModuleList or Sequential, in order
                elif isinstance(a.value, Seq) and a.value.middle is not None:
                    items.extend(_known_ends(interp, a.value))
                else:
                    if isinstance(a.value, Seq) and a.value.head:
                        items.extend(a.value.head)  # the first members that every path has
                    elem = interp.iterate(a.value)
                    items.append(_any_order(elem))
                    if isinstance(a.value, Seq) and a.value.nonempty == 2 and isinstance(elem, Obj) \
                            and elem.is_module and not isinstance(elem, Alt):
                        # at least two layers made alike ([Block(d) for _ in range(n)]): the
                        # second runs on the first one's output, which needs grad
                        items.append(copy_obj(elem, {}))
                    if isinstance(a.value, Seq) and a.value.tail:
                        items.extend(a.value.tail)  # appended after the loop: last, in order
            elif isinstance(a, Dict):
                items.extend(SomeOrNone(_options(v)) if k == "?" else v for k, v in a.entries.items())
                if len(args) == 1 and a.entries and all(isinstance(k, str) and k != "?" for k in a.entries):
                    # Sequential(OrderedDict(conv=..., act=...)): the layers go by their keys
                    # (``seq.act``, ``named_modules()`` gives "act")
                    obj.attrs["__names__"] = Const(tuple(a.entries))
                    for k, v in a.entries.items():
                        obj.attrs.setdefault(k, v)
            else:
                items.append(a)
        return items
    if qual in ("torch.nn.ModuleDict", "torch.nn.ParameterDict"):
        if args and isinstance(args[0], Dict):
            obj.attrs.update(args[0].entries)
        return None
    if args:
        a = args[0]
        if isinstance(a, Seq):
            return list(a.items) if a.items is not None else [a.element()]
        if isinstance(a, Obj) and a.is_module and a.items is not None:
            return list(a.items)  # ModuleList(seq[:40]): its layers, in order
        return [interp.iterate(a)]
    return []


class SomeOrNone(AnyOrder):
    """Some of these modules in an order not known here, or none of them (the members
    between the known ends of a list that paths made of different lengths)."""

    __slots__ = ()


def _any_order(v):
    return AnyOrder(list(v.options)) if isinstance(v, Alt) else v


def _options(v):
    return list(v.options) if isinstance(v, Alt) else [v]


def _known_ends(interp, seq):
    """A list's known first members, what lies between them and its known last members."""
    between = seq.middle
    out = list(seq.head or [])
    if between.elem is not None:
        elem = interp.iterate(between)
        out.append(_any_order(elem) if between.nonempty else SomeOrNone(_options(elem)))
    return out + list(seq.tail or [])


def run_sequential(interp, obj, x, node):
    """``seq(x)``: each member on the output of the one before."""
    interp.seq_at.append([node, 0, True])  # the call, the layer's index, whether indices are exact
    try:
        return _run_from(interp, obj.items or [], 0, x, node)
    finally:
        interp.seq_at.pop()


def _run_from(interp, items, start, x, node):
    for i in range(start, len(items)):
        item = items[i]
        interp.seq_at[-1][1] = i
        if isinstance(item, SomeOrNone):
            interp.seq_at[-1][2] = False
            return _some_or_none(interp, items, i, x, node)
        if isinstance(item, AnyOrder):
            interp.seq_at[-1][2] = False
            x = _run_any_order(interp, item, x, node)
        elif isinstance(item, (Obj, Alt)):
            x = interp.call(item, [x], {}, node)
        else:
            x = opaque(t_or(x.rg, None) if isinstance(x, Tensor) else None)
    return x


def _some_or_none(interp, items, i, x, node):
    """The members after ``items[i]`` run on its output on one path and on its input on the
    other, as the two branches of an ``if`` (what the middle saves of its input is not at
    stake where it did not run)."""
    mark, pre = Storage().id, interp.state
    interp.state = pre.branch()
    ran = _run_from(interp, items, i + 1, _run_any_order(interp, items[i], x, node), node)
    ran_state, interp.state = interp.state, pre.branch()
    skipped = _run_from(interp, items, i + 1, x, node)
    skipped_state = interp.state
    interp.state = State.join(ran_state, skipped_state, branches=mark)
    # each path's output as seen after the join: what only the other path saved is hidden
    # from it (the batch norm the other path ran kept this path's output as its input)
    ran_only, skipped_only = ran_state.seen - skipped_state.seen, skipped_state.seen - ran_state.seen
    return join(_hidden_each(ran, skipped_only), _hidden_each(skipped, ran_only))


def _hidden_each(v, epochs):
    """``hidden_linked`` of each member of a join: the join of both paths' outputs still
    leads to what each layer made (its saves count where the output is used)."""
    if isinstance(v, Tensor) and v.members:
        return make_group([hidden_linked(m, epochs) for m in v.members])
    return hidden_linked(v, epochs)


def _run_any_order(interp, item, x, node):
    """Some modules of a list in unknown order.  A list that holds in-place modules
    (ReLU(inplace=True)) starts, as layer lists do, with one that makes a new
    tensor; after it, any module may come, on the output of another."""
    interp.any_order += 1
    try:
        first = [o for o in item.options if not (isinstance(o, Obj) and o.inplace is not False)]
        if not first or len(first) == len(item.options):
            return interp.call(Alt(list(item.options)), [x], {}, node)
        y = interp.call(first[0] if len(first) == 1 else Alt(first), [x], {}, node)
        return interp.call(Alt(list(item.options)), [y], {}, node)
    finally:
        interp.any_order -= 1


def copy_obj(obj: Obj, memo):
    """A deep copy of a module object (``copy.deepcopy(model)``): its submodules copied, its
    parameters and buffers new tensors of the same kind, the rest shared."""
    if obj.mid in memo:
        return memo[obj.mid]
    new = Obj(cls=obj.cls, qual=obj.qual, is_module=obj.is_module, ctor_node=obj.ctor_node, ctor_stmt=obj.ctor_stmt)
    memo[obj.mid] = new
    new.inplace = obj.inplace

    def cp(v):
        if isinstance(v, Obj):
            return copy_obj(v, memo)
        if isinstance(v, Tensor) and v.kind in ("param", "buffer"):
            return Tensor(rg=v.rg, leaf=v.leaf, kind=v.kind, dtype=v.dtype)
        if isinstance(v, Seq):
            return Seq(items=[cp(i) for i in v.items] if v.items is not None else None,
                       elem=cp(v.elem) if v.elem is not None else None, is_tuple=v.is_tuple)
        return v

    new.attrs = {k: cp(v) for k, v in obj.attrs.items()}
    new.items = [cp(i) for i in obj.items] if obj.items is not None else None
    return new
