"""Following one of several possible objects (an ``Alt``): each option on its own path, what
one saved unseen by another, and what every option does alike certain.  A mixin of ``Calls``.
"""
from __future__ import annotations

from .epochs import union_all
from .state import State
from .values import UNKNOWN_CONST, Const, Obj, Storage, Tensor, hidden, hidden_linked, join_all, made_after


class Alternatives:
    def _each(self, alt, fn):
        """Follow every option of an Alt; what happens in one is only possible."""
        # Only one option runs at a time: each on its own path, so that what one
        # saved is not seen by another's in-place op.  Objects built alike (one
        # constructor call, the same constants: the blocks a loop appended to a
        # ModuleList) run the same code: what each does is certain on its path.
        alike = interchangeable(alt.options)
        pre, mark = self.state, Storage().id
        self.doubt += not alike
        if not alike:
            self.doubt_marks.append(mark)
        results, states, journals, made = [], [], [], []
        try:
            for o in alt.options:
                self.state = pre.branch()
                j = self.heap.begin()
                first = len(self.events)
                try:
                    results.append(fn(o))
                finally:
                    self.heap.end(j)
                states.append(self.state)
                journals.append(j)
                made.append(self.events[first:])
        finally:
            self.doubt -= not alike
            if not alike:
                self.doubt_marks.pop()
        if not alike and not self.doubt:
            self._undoubt(made)
        every = union_all(st.seen for st in states)
        unseen = [every - st.seen for st in states]  # per option: the epochs only the others saw
        self.heap.merge(list(zip(journals, unseen)))
        joined = states[0] if states else pre
        for st in states[1:]:
            joined = State.join(joined, st)
        self.state = joined
        # An option's result is used exactly when the call's result is: a use of the copy
        # must reach what the option computed (self.act(g) with an in-place ReLU among the
        # alternatives returns g itself; objects built alike return tuples too).  Not for
        # the layers of a list of unknown order: pairing every layer with every other is
        # an over-approximation, whose outputs stay unused.
        link = not self.any_order
        results = [hidden_linked(r, hide) if link and (alike or isinstance(r, Tensor))
                   else hidden(r, hide) for r, hide in zip(results, unseen)]
        out = join_all(results)
        if isinstance(out, Tensor) and not alike and any(r is not results[0] for r in results) \
                and not all(made_after(r, mark) for r in results):
            # (each option's own new tensor: the join is a group of them, one per path, and a
            # write to it is certain only where every member's save is live: see mutate)
            out.alias_certain = False
        return out

    def _undoubt(self, made):
        """Events that every option of an Alt made at the same place are certain on every path
        (each of several boundary objects writes the field it is given, whatever its value);
        the others stay possible, and those held only for this are dropped (see mutate)."""
        keyed = [[(_alike_key(ev), ev) for ev in evs] for evs in made]
        common = set.intersection(*({k for k, _ in evs} for evs in keyed)) if len(made) > 1 else set()
        dropped = set()
        for evs in keyed:
            for key, ev in evs:
                if not ev.doubted:
                    continue
                if key in common:
                    ev.tensor.alias_certain, ev.doubted = True, False
                elif ev.doubted == "held":
                    dropped.add(id(ev))
        if dropped:
            self.events[:] = [ev for ev in self.events if id(ev) not in dropped]
            self.candidates[:] = [ev for ev in self.candidates if id(ev) not in dropped]
            self.pending[:] = [p for p in self.pending if id(p[0]) not in dropped]


def _alike_key(ev):
    """Where an event was made and what the rules judge it by (whether a save is at stake,
    what the written tensor is): the same on each option, the same verdict on each path."""
    t = ev.tensor
    return (id(ev.node), id(ev.target_node), ev.kind, bool(ev.saves), t.rg, t.leaf, t.view, t.data,
            t.base_rg, t.base_leaf)


def interchangeable(options):
    """Objects made by one constructor call (a loop's ``blocks.append(Block(c))``) of one
    class, whose constant attributes and in-place flags agree: the same code runs for
    each, on the same settings."""
    first = options[0] if options else None
    if not isinstance(first, Obj) or first.ctor_node is None:
        return False
    for o in options[1:]:
        if not isinstance(o, Obj) or o.ctor_node is not first.ctor_node or o.cls is not first.cls \
                or o.qual != first.qual or o.inplace != first.inplace or o.attrs.keys() != first.attrs.keys():
            return False
        for k, v in o.attrs.items():
            w = first.attrs[k]
            if (isinstance(v, Const) or isinstance(w, Const)) and not (
                    isinstance(v, Const) and isinstance(w, Const) and v is not UNKNOWN_CONST
                    and w is not UNKNOWN_CONST and type(v.value) is type(w.value) and v.value == w.value):
                return False
    return True
