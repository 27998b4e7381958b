"""Object attributes along paths: each branch of an ``if`` (and each pass of a
loop) writes attributes into a journal; at the join, every attribute a branch
wrote gets the join of its values over the paths that reach it, instead of the
value the branch interpreted last.

    with interp.heap.branch() as j:   # remembers old values, restores them at exit
        ...run one branch...
    j.written                          # {(obj id, name): (obj, name, old, new)}
"""
from __future__ import annotations

from .values import hidden, join_all

MISSING = object()


class Journal:
    __slots__ = ("written",)

    def __init__(self):
        self.written: dict = {}


class Heap:
    def __init__(self):
        self.journals: list = []

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
