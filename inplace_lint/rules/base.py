"""What a rule is: a code, a judgement over one event's facts, examples, a doc page."""
from __future__ import annotations

from typing import Optional

from ..engine.facts import Event
from ..findings import ERROR, WARNING, Related

__all__ = ["Rule", "Verdict", "ERROR", "WARNING", "Related", "Event"]


class Verdict:
    __slots__ = ("severity", "message", "related")

    def __init__(self, severity, message, related=()):
        self.severity = severity
        self.message = message
        self.related = tuple(related)


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
            out.append(Related(s.line, s.column, f"saved for backward here by {s.op} ({_what(s.what)})",
                               getattr(s, "path", None)))
    return out[:3]


def _what(what):
    return "its output" if what == "result" else f"its {what}"


def describe_save(s):
    where = f"{s.path}:{s.line}" if getattr(s, "path", None) else f"line {s.line}"
    return f"`{s.op}` at {where} ({_what(s.what)})"


def context_suffix(ev: Event):
    return f" [{ev.context}]" if ev.context else ""
