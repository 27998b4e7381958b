"""``--add-noqa``: write ``# noqa: IPLxxx`` on every line that has a finding.

Only files with findings are written, each atomically (``fix.write_atomic``:
a temporary file, then a rename; encoding, BOM and line endings kept), and only
when the file on disk is still the text that was checked.  A line that already
has ``# noqa: CODES`` gets the new codes merged in.  Lines where a comment
cannot go (the line ends inside a multi-line string, or with a backslash
continuation) are left alone and counted as skipped; notebooks are not
rewritten.
"""
from __future__ import annotations

import io
import re
import tokenize

from .. import grouping
from ..suppression import NOQA
from .fix import rewrite

_EOL = re.compile(r"(\r\n|\r|\n)$")


def _no_comment_lines(source: str) -> set:
    """Lines whose end is inside a string token or a backslash continuation."""
    bad = set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.start[0] < tok.end[0] and tok.type in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)):
                bad.update(range(tok.start[0], tok.end[0]))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return set(range(1, source.count("\n") + 2))  # cannot tell: touch nothing
    for i, line in enumerate(source.splitlines(), 1):
        if line.rstrip().endswith("\\"):
            bad.add(i)
    return bad


def with_noqa(line: str, codes) -> str:
    """``line`` (without its end of line) carrying a ``# noqa`` for ``codes``."""
    m = NOQA.search(line)
    if m is None:
        return f"{line.rstrip()}  # noqa: {', '.join(sorted(codes))}"
    if m.group("codes") is None:
        return line  # a bare noqa hides everything already
    have = [c.strip().upper() for c in m.group("codes").split(",")]
    merged = have + sorted(c for c in codes if not any(c.startswith(h) for h in have))
    return line[:m.start()] + "# noqa: " + ", ".join(merged) + line[m.end():]


def noqa_text(source: str, findings):
    """(new text, directives added, lines skipped)."""
    by_line: dict = {}
    for f in findings:
        by_line.setdefault(f.line, set()).add(f.code)
    lines = source.splitlines(keepends=True)
    bad = _no_comment_lines(source)
    added = skipped = 0
    for n, codes in sorted(by_line.items()):
        if not 0 < n <= len(lines) or n in bad:
            skipped += 1
            continue
        raw = lines[n - 1]
        m = _EOL.search(raw)
        eol = m.group(1) if m else ""
        body = raw[:len(raw) - len(eol)]
        new = with_noqa(body, codes)
        if new != body:
            lines[n - 1] = new + eol
            added += 1
    return "".join(lines), added, skipped


def add_noqa_comments(results, err):
    """Write the comments; returns (directives added, files written)."""
    total = files = 0
    for r in results:
        if r.problem is not None or not r.findings or r.source is None:
            continue
        if r.path.endswith(".ipynb"):
            err.write(f"inplace-lint: add-noqa: skipped {r.path}: notebooks are not rewritten\n")
            continue
        new, added, skipped = noqa_text(r.source, grouping.expand(r.findings))  # every line of a group
        if skipped:
            err.write(f"inplace-lint: add-noqa: {r.path}: {skipped} line(s) cannot take a comment "
                      f"(inside a string or after a backslash); left alone\n")
        if new == r.source:
            continue
        why = rewrite(r.path, r.source, new)
        if why is not None:
            err.write(f"inplace-lint: add-noqa: skipped {r.path}: {why}\n")
            continue
        total += added
        files += 1
    return total, files
