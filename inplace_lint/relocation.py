"""Where a finding about a write in another module of the project is reported.

The engine reports a write made inside another project module at the checked file's call that
leads there.  When that call does not show the tensor (``fit(model, CONFIG)``, ``model(x)``) the
finding also carries where it would be reported at the write itself (``Finding.moved``, built by
``moved`` when the rules judge the event); ``relocate`` moves it there when the run checks the
module that writes too (the CLI's ``check_paths``; a one-file check keeps it at the call).
"""
from __future__ import annotations

import os
from functools import lru_cache

from . import suppression
from .findings import ERROR, WRITTEN_HERE, Finding, Related

LEADS_HERE = "the call that leads to this write"


def moved(ev, message, related, path):
    """The finding as reported at the write itself, in the other module (``Finding.moved``)."""
    place = ev.moved
    if place is None:
        return None
    where, line, column, end_line, end_column, context, call = place
    suffix = f" [{ev.context}]" if ev.context else ""
    if suffix and message.endswith(suffix):
        message = message[:-len(suffix)]
    here = [Related(call[0], call[1], LEADS_HERE, path)]
    for r in related:  # related places keep their file: this file's get its name, the write's lose it
        p = r.path or path
        here.append(Related(r.line, r.column, r.message, None if p == where else p))
    return (where, line, column, end_line, end_column, f"{message} [{context}]", tuple(here))


def relocate(results) -> None:
    """A finding one file's analysis made about a write inside another module of the project
    (reported at the call that leads there, ``Finding.moved``) goes to the write itself when
    that module is among the results too: the line to change, with the call as a related
    place.  It stays where it was when the call's line suppresses it (``# noqa``), and is
    dropped when the same hazard (the same write, for the same reasons: a save in common, the
    leaf) is already reported, as severely, by the module's own findings or another call's; a warning of
    a hazard now reported as an error is dropped (one hazard, one finding).  Works on raw
    results, before ``runner.finish``."""
    by_file = {_file_key(r.path): r for r in results}
    arrived = []
    for r in results:
        moving = [f for f in r.findings if f.moved is not None]
        if not moving:
            continue
        noqa = _noqa_lines(r, moving)
        for f in moving:
            dest = by_file.get(_file_key(f.moved[0]))
            if dest is None or dest is r or dest.source is None or f.line in noqa:
                continue
            r.findings.remove(f)
            arrived.append((dest, _arrived(f, dest.path, r.path)))
    if not arrived:
        return
    # one hazard: the same write (file, line) and code for the same reasons (the other related
    # places: the save, the leaf; two lists of saves that share one are one hazard)
    reported = {}  # (file, line, code) -> [(reasons, severity)] of the findings already made
    for r in results:
        for f in r.findings:
            for place, why in _hazard_keys(f, r.path):
                reported.setdefault(place, []).append((why, f.severity))
    errors = {}
    for dest, f in sorted(arrived, key=lambda a: a[1].severity != ERROR):  # errors first
        place, why = next(_hazard_keys(f, dest.path))
        if any(_same(why, w) and (sev == ERROR or f.severity != ERROR) for w, sev in reported.get(place, ())):
            continue
        reported.setdefault(place, []).append((why, f.severity))
        dest.findings.append(f)
        if f.severity == ERROR:
            errors.setdefault(place, []).append(why)
    if errors:  # a warning of the same hazard, on that line or at another call, says less
        for r in results:
            r.findings = [f for f in r.findings if f.severity == ERROR or f.moved is None and not any(
                _same(why, w) for place, why in _hazard_keys(f, r.path) for w in errors.get(place, ()))]


def _same(why, other):
    return bool(why & other) or not why and not other


def _hazard_keys(f, home):
    """((file, line, code), reasons) of the write ``f`` reports: at its own line, and where a
    related place says the write lies in another file."""
    home = _file_key(home)
    why = frozenset((_file_key(rel.path) if rel.path else home, rel.line) for rel in f.related
                    if not rel.message.startswith(WRITTEN_HERE) and rel.message != LEADS_HERE)
    yield (home, f.line, f.code), why
    for rel in f.related:
        if rel.path is not None and rel.message.startswith(WRITTEN_HERE):
            yield (_file_key(rel.path), rel.line, f.code), why


@lru_cache(maxsize=4096)
def _file_key(path):
    return os.path.normcase(os.path.realpath(path))


def _noqa_lines(result, findings):
    """The lines of ``findings`` that a ``# noqa`` of their file suppresses."""
    if result.source is None:
        return set()
    kept = {id(f) for f in suppression.apply(findings, result.source.splitlines(), result.path)}
    return {f.line for f in findings if id(f) not in kept}


def _arrived(f: Finding, path: str, origin: str) -> Finding:
    _, line, column, end_line, end_column, message, related = f.moved
    cause = None if f.cause is None else f"{origin}\0{f.cause}"  # causes are numbered per analysis
    return Finding(code=f.code, severity=f.severity, path=path, line=line, column=column, end_line=end_line,
                   end_column=end_column, message=message, related=related, cause=cause)
