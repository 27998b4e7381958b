"""What a rule is: a code, a judgement over one event's facts, examples, a doc page."""
from __future__ import annotations

from typing import Optional

from ..engine.facts import Event
from ..findings import ERROR, WARNING, Related

__all__ = ["Rule", "Verdict", "ERROR", "WARNING", "Related", "Event"]


class Verdict:
    """``cause``: a key naming the root cause (see ``save_cause``/``tensor_cause``); findings of
    one file with the same code and cause are reported as one (``inplace_lint.grouping``)."""

    __slots__ = ("severity", "message", "related", "cause")

    def __init__(self, severity, message, related=(), cause=None):
        self.severity = severity
        self.message = message
        self.related = tuple(related)
        self.cause = cause


def _storage_text(ev):
    storage = getattr(ev, "storage", None)
    return None if storage is None else ".".join(str(n) for n in storage)


def save_cause(ev, s):
    """One root cause: the save ``s`` names (one tensor saved once by one op), modified through the
    same version counter(s)."""
    storage = _storage_text(ev)
    if storage is None or getattr(s, "key", None) is None:
        return None
    return f"save {s.key} storage {storage}"


def tensor_cause(ev, reason):
    """One root cause: the same tensor (a leaf, or the base a view shares its counter with) for the
    same ``reason``."""
    storage = _storage_text(ev)
    return None if storage is None else f"{reason} storage {storage}"


class Rule:
    """Subclasses set the class attributes and implement ``judge``.

    ``VALID`` snippets must produce no finding of this code; each ``INVALID``
    snippet must produce at least one *error* of this code.  The test suite
    runs them, so the examples in a rule's documentation are always true.
    """

    code: str = ""
    name: str = ""
    summary: str = ""
    doc: str = ""  # markdown body of docs/rules/<code>.md (after the title)
    VALID: tuple = ()
    INVALID: tuple = ()

    def judge(self, ev: Event) -> Optional[Verdict]:
        raise NotImplementedError


def save_related(ev: Event, saves):
    out, seen = [], set()
    for s in saves:
        key = (getattr(s, "path", None), s.line, s.column, s.what)
        if key not in seen:
            seen.add(key)
            when = " in the previous iteration" if getattr(s, "previous", False) else ""
            out.append(Related(s.line, s.column, f"saved for backward here{when} by {s.op} ({_what(s.what)})",
                               getattr(s, "path", None)))
    return out[:3]


def _what(what):
    if what == "result":
        return "its output"
    if what.startswith("result") and what[6:].isdigit():
        return f"its output {what[6:]}"  # a later output of a tuple-returning op (topk's indices)
    return f"its {what}"


def describe_save(s):
    when = " in the previous iteration" if getattr(s, "previous", False) else ""
    where = f"{s.path}:{s.line}" if getattr(s, "path", None) else f"line {s.line}"
    return f"`{s.op}` at {where}{when} ({_what(s.what)})"


def alias_doubt(ev):
    """Why the modified object may not be the saved tensor, for a warning's message."""
    op = getattr(ev, "alias_op", None)
    if op == "[]":
        return " (if this indexing made a view rather than a copy)"
    if op:
        return f" (if `{op}` returned its input itself)"
    return " (on the paths where it is the saved tensor)"


def leaf_advice(ev):
    """How to avoid an in-place op on a leaf: parameters change under no_grad; a tensor made here
    (a ``torch.zeros(..., requires_grad=True)`` accumulator) is better built out of place, since
    under no_grad its gradient would silently be lost."""
    if getattr(ev, "origin", None) == "param":
        return " (wrap it in `with torch.no_grad():`)"
    return (" (build the value out of place, e.g. `x = x + y` or `torch.stack`/`torch.cat` of the parts; "
            "`torch.no_grad()` would silently drop its gradient)")


def context_suffix(ev: Event):
    return f" [{ev.context}]" if ev.context else ""
