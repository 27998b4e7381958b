"""Object attributes along paths: each branch of an ``if`` (and each pass of a
loop) writes attributes into a journal; at the join, every attribute a branch
wrote gets the join of its values over the paths that reach it, instead of the
value the branch interpreted last.

    with interp.heap.branch() as j:   # remembers old values, restores them at exit
        ...run one branch...
    j.written                          # {(obj id, name): (obj, name, old, new)}
"""
from __future__ import annotations

from .values import Seq, Storage, hidden, join, join_all, t_join

MISSING = object()


class Journal:
    __slots__ = ("written",)

    def __init__(self):
        self.written: dict = {}


class FactJournal:
    __slots__ = ("entries", "mark", "seqs")

    def __init__(self, mark):
        self.entries: dict = {}
        self.mark = mark  # tensors with storages made after it were made inside the branch
        self.seqs: dict = {}  # lists changed in place: {id(seq): [seq, old state, new state]}


class Heap:
    def __init__(self):
        self.journals: list = []
        # a tensor's requires_grad and leaf facts set inside a branch of an ``if``
        # (``if torch.__version__ == "parrots": feats.requires_grad = True``) hold on that
        # branch only: {id(tensor): [tensor, old (rg, leaf), new]} per open branch
        self.fact_journals: list = []

    def note_tensor(self, t, _depth=0):
        """Call before changing ``t.rg``/``t.leaf`` (and its members'): the old facts come
        back at the end of the branch, and the branches' facts are joined after the ``if``.
        A tensor made inside the branch exists on that path only: its facts stay as set."""
        if not self.fact_journals:
            return
        j = self.fact_journals[-1]
        if id(t) not in j.entries and t.storage.id < j.mark:
            j.entries[id(t)] = [t, (t.rg, t.leaf), None]
        if t.members and _depth < 3:
            for m in t.members:
                self.note_tensor(m, _depth + 1)

    def note_seq(self, seq):
        """Call before changing list ``seq`` in place (``layers.append(m)`` in one branch of
        an ``if``): the branch's change holds on its path only, and the paths' lists are
        joined after the ``if`` (a list of different lengths keeps its shared ends)."""
        if self.fact_journals:
            j = self.fact_journals[-1]
            if id(seq) not in j.seqs and seq.sid < j.mark:
                j.seqs[id(seq)] = [seq, _seq_state(seq), None]

    def set_requires_grad(self, t, flag):
        """``t.requires_grad = flag`` (or ``requires_grad_(flag)``) on this path."""
        self.note_tensor(t)
        t.set_requires_grad(flag)

    def begin_facts(self):
        j = FactJournal(Storage().id)
        self.fact_journals.append(j)
        return j

    def end_facts(self, j):
        self.fact_journals.pop()
        for entry in j.entries.values():
            t, (rg, leaf), _ = entry
            entry[2] = (t.rg, t.leaf)
            t.rg, t.leaf = rg, leaf
        for entry in j.seqs.values():
            entry[2] = _seq_state(entry[0])
            _put_seq_state(entry[0], entry[1])
        return j

    def merge_facts(self, journals):
        """``journals``: one per path that reaches the join; a path that did not change a
        tensor's facts keeps the old ones."""
        keys = {}
        for j in journals:
            for key, (t, old, _) in j.entries.items():
                keys.setdefault(key, (t, old))
        for key, (t, old) in keys.items():
            vals = [j.entries[key][2] if key in j.entries else old for j in journals]
            outer = self.fact_journals[-1] if self.fact_journals else None
            if outer is not None and key not in outer.entries and t.storage.id < outer.mark:
                outer.entries[key] = [t, old, None]  # an enclosing branch puts them back too
            t.rg, t.leaf = vals[0]
            for rg, leaf in vals[1:]:
                t.rg, t.leaf = t_join(t.rg, rg), t_join(t.leaf, leaf)
        self._merge_seqs(journals)

    def _merge_seqs(self, journals):
        seqs = {}
        for j in journals:
            for key, (seq, old, _) in j.seqs.items():
                seqs.setdefault(key, (seq, old))
        for key, (seq, old) in seqs.items():
            self.note_seq(seq)  # an enclosing branch puts it back too
            _put_joined(seq, [j.seqs[key][2] if key in j.seqs else old for j in journals])

    def snapshot(self, depth, fdepth):
        """What the path that jumps now (a ``continue`` or ``break``) changed since its loop's
        pass began (journals from ``depth`` on, fact journals from ``fdepth`` on): the branches
        it leaves put those changes back at their ends, so the loop joins them in (join_in)."""
        attrs, seqs = {}, {}
        for j in self.journals[depth:]:
            for key, (obj, name, _, _) in j.written.items():
                if key not in attrs:
                    attrs[key] = (obj, name, obj.attrs.get(name, MISSING))
        for f in self.fact_journals[fdepth:]:
            for key, (seq, _, _) in f.seqs.items():
                if key not in seqs:
                    seqs[key] = (seq, _seq_state(seq))
        return attrs, seqs

    def join_in(self, snaps, current=True):
        """The attributes and lists as the jumped paths (``snaps``: snapshots) left them, joined
        with what they are now where the path that reaches here goes on (``current``)."""
        attrs, seqs = {}, {}
        for a, s in snaps:
            for key, (obj, name, v) in a.items():
                attrs.setdefault(key, (obj, name, []))[2].append(v)
            for key, (seq, state) in s.items():
                seqs.setdefault(key, (seq, []))[1].append(state)
        for obj, name, vals in attrs.values():
            vals = [v for v in ([obj.attrs.get(name, MISSING)] if current else []) + vals if v is not MISSING]
            if vals:
                self.set(obj, name, join_all(vals) if len(vals) > 1 else vals[0])
        for seq, states in seqs.values():
            self.note_seq(seq)  # an enclosing branch puts it back too
            _put_joined(seq, ([_seq_state(seq)] if current else []) + states)

    def set(self, obj, name, value):
        if self.journals:
            j = self.journals[-1]
            key = (obj.mid, name)
            if key not in j.written:
                j.written[key] = [obj, name, obj.attrs.get(name, MISSING), None]
        obj.attrs[name] = value

    def begin(self):
        j = Journal()
        self.journals.append(j)
        return j

    def end(self, j):
        """Close ``j``: record what its path left, and put the old values back."""
        self.journals.pop()
        for entry in j.written.values():
            obj, name, old, _ = entry
            entry[3] = obj.attrs.get(name, MISSING)
            if old is MISSING:
                obj.attrs.pop(name, None)
            else:
                obj.attrs[name] = old
        return j

    def merge(self, paths):
        """``paths``: (journal, epochs the other paths saw) for each path that reaches the join.
        Every attribute written on some path gets the join of its value on each path (a
        path that did not write it keeps the old value), as seen from that path."""
        keys = {}
        for j, _ in paths:
            for key, (obj, name, old, _) in j.written.items():
                keys.setdefault(key, (obj, name, old))
        for key, (obj, name, old) in keys.items():
            vals = []
            for j, hide in paths:
                v = j.written[key][3] if key in j.written else old
                if v is not MISSING:
                    vals.append(hidden(v, hide) if hide else v)
            if vals:
                self.set(obj, name, join_all(vals) if len(vals) > 1 else vals[0])


def _seq_state(s):
    """What an in-place change of a list may alter (its members' lists are copied)."""
    return (_copy(s.items), s.elem, s.nonempty, _copy(s.tail), _copy(s.head), s.middle)


def _put_seq_state(s, state):
    items, s.elem, s.nonempty, tail, head, s.middle = state
    s.items, s.tail, s.head = _copy(items), _copy(tail), _copy(head)


def _put_joined(seq, states):
    """``seq`` becomes the join of the lists it was in ``states`` (one per path)."""
    joined = _seq_from(seq, states[0])
    for state in states[1:]:
        joined = join(joined, _seq_from(seq, state))
    _put_seq_state(seq, _seq_state(joined))


def _seq_from(seq, state):
    out = Seq(is_tuple=seq.is_tuple)
    _put_seq_state(out, state)
    return out


def _copy(xs):
    return list(xs) if xs is not None else None
