"""One root cause, one finding.

When several in-place statements of one file break autograd for the same
reason (three writes to a tensor that one ``logsumexp`` saved; nine writes to
the same leaf), the rules report each statement.  ``group`` folds them: the
findings of one file with the same code and the same ``Finding.cause`` (a key
the rule builds from the engine's facts: the save it names and the modified
version counter, or the leaf, or the view's base and why the view may not be
written) become one finding, and the other statements become related
locations ("also modified here").

Which statement leads: the first by position among those of the highest
severity.  So an *error* always sits on a line that will raise, and a group
whose members are all of one severity is led by its first statement.

The runner groups after ``# noqa`` (a comment on one line removes that line
only) and before output; the flake8 plugin does not group (flake8 reports per
line).  ``expand`` gives back the per-line findings, for ``--fix`` and
``--add-noqa``, which must reach every line.
"""
from __future__ import annotations

import dataclasses

from .findings import ERROR, Finding, Fix, Related

ALSO = "also modified here"

# what the members share, for the message: "(and 2 more writes to the same saved tensor: lines 180, 183)"
_WHAT = {
    "IPL001": "the same saved tensor",
    "IPL004": "the same saved tensor",
    "IPL005": "the same saved tensor",
    "IPL002": "the same leaf tensor",
    "IPL003": "views of the same tensor",
}


def group(findings) -> list:
    """The findings of one file, those of one root cause folded into one; sorted by position."""
    buckets: dict = {}
    for f in findings:
        if f.cause is not None and not f.group:
            buckets.setdefault((f.path, f.code, f.cause), []).append(f)
    folded = {}
    for members in buckets.values():
        if len(members) > 1:
            head = fold(members)
            for m in members:
                folded[id(m)] = head
    out, seen = [], set()
    for f in findings:
        g = folded.get(id(f), f)
        if id(g) not in seen:
            seen.add(id(g))
            out.append(g)
    return sorted(out, key=Finding.sort_key)


def fold(members) -> Finding:
    """One finding for several of one root cause (see the module's doc for which leads)."""
    members = sorted(members, key=Finding.sort_key)
    top = ERROR if any(m.severity == ERROR for m in members) else members[0].severity
    lead = next(m for m in members if m.severity == top)
    others = [m for m in members if m is not lead]
    related = list(lead.related)
    for m in others:
        note = ALSO if m.severity == lead.severity else f"{ALSO} ({m.severity})"
        related.append(Related(m.line, m.column, note, _cell_path(m, lead)))
    n = len(others)
    plural = "s" if n > 1 else ""
    what = _WHAT.get(lead.code, "the same tensor")
    message = f"{lead.message} (and {n} more write{plural} to {what}: {_places(others, lead)})"
    return dataclasses.replace(lead, message=message, related=tuple(related), fix=None,
                               group=(lead,) + tuple(others))


def _cell_path(m, lead):
    """A member in another notebook cell than the lead names its cell (as related places do)."""
    if m.cell is None or m.cell == lead.cell:
        return None
    return f"{m.path}:cell {m.cell}"


def _places(others, lead):
    """"lines 180, 183"; in a notebook, members in other cells say which: "cell 2, line 1; line 7"."""
    if all(m.cell == lead.cell for m in others):
        lines = list(dict.fromkeys(m.line for m in others))
        return f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"
    return "; ".join(dict.fromkeys(f"line {m.line}" if m.cell == lead.cell else f"cell {m.cell}, line {m.line}"
                                   for m in others))


def expand(findings) -> list:
    """The per-line findings (a group gives its members, its own first)."""
    out = []
    for f in findings:
        out.extend(f.group or (f,))
    return out


def group_fix(members):
    """The fix of a group: every member's edits, when every member has a fix and all are equally
    safe (else None: ``--fix`` then fixes the members one by one, as it would ungrouped)."""
    fixes = [m.fix for m in members]
    if any(fx is None for fx in fixes) or len({fx.safe for fx in fixes}) != 1:
        return None
    descriptions = list(dict.fromkeys(fx.description for fx in fixes))
    return Fix("; ".join(descriptions), tuple(e for fx in fixes for e in fx.edits), fixes[0].safe)


def without(findings, done) -> list:
    """``findings`` less the per-line findings whose ids are in ``done`` (fixed ones): a group keeps
    the members that are left, regrouped."""
    out = []
    for f in findings:
        if not f.group:
            if id(f) not in done:
                out.append(f)
            continue
        left = [m for m in f.group if id(m) not in done]
        if len(left) == len(f.group):
            out.append(f)
        elif len(left) == 1:
            out.append(left[0])
        elif left:
            out.append(fold(left))
    return sorted(out, key=Finding.sort_key)
