"""Suppression comments: ``# noqa`` on a line, ``# inplace-lint: noqa`` for a whole file.

- ``# noqa`` on the reported line hides every finding there;
  ``# noqa: IPL001,IPL003`` only those codes (or prefixes).
- ``# inplace-lint: noqa`` on a line of its own hides every finding of the
  file; ``# inplace-lint: noqa: IPL001`` only those codes.
- IPL100 (opt-in) reports each ``IPL`` code in such a comment that hid
  nothing in this run.  Codes of other tools and a bare ``# noqa`` (which
  flake8 plugins share) are never reported.
"""
from __future__ import annotations

import re

from .findings import WARNING, Finding

_CODES = r"[A-Za-z]+[0-9]*(?:\s*,\s*[A-Za-z]+[0-9]*)*"
NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>" + _CODES + r"))?", re.IGNORECASE)
FILE_NOQA = re.compile(r"^\s*#\s*inplace-lint\s*:\s*noqa(?:\s*:\s*(?P<codes>" + _CODES + r"))?\s*$",
                       re.IGNORECASE)
_FILE_NOQA_ANYWHERE = re.compile(r"^[ \t]*#[ \t]*inplace-lint[ \t]*:[ \t]*noqa", re.IGNORECASE | re.MULTILINE)
UNUSED_CODE = "IPL100"


class _Directive:
    __slots__ = ("line", "column", "end_column", "codes", "used", "file_level")

    def __init__(self, line, m, codes, file_level):
        self.line = line
        self.column = m.start() + 1
        self.end_column = m.end() + 1
        self.codes = codes  # None: every code
        self.used = set()
        self.file_level = file_level

    def covers(self, code):
        if self.codes is None:
            self.used.add(None)
            return True
        hit = [c for c in self.codes if code.startswith(c)]
        self.used.update(hit)
        return bool(hit)


def _parse_codes(text):
    return None if text is None else [c.strip().upper() for c in text.split(",") if c.strip()]


def directives(lines, only_lines=None):
    """(file-level directives, {line: line directive}); ``only_lines`` limits the per-line ones."""
    file_level, per_line = [], {}
    text = "\n".join(lines)
    for m in _FILE_NOQA_ANYWHERE.finditer(text):  # one pass over the text, in C
        line = text.count("\n", 0, m.start()) + 1
        fm = FILE_NOQA.match(lines[line - 1])
        if fm:
            file_level.append(_Directive(line, fm, _parse_codes(fm.group("codes")), True))
    wanted = range(1, len(lines) + 1) if only_lines is None else sorted(only_lines)
    for i in wanted:
        if not 0 < i <= len(lines):
            continue
        line_text = lines[i - 1]
        if "noqa" not in line_text.lower() or FILE_NOQA.match(line_text):
            continue
        m = NOQA.search(line_text)
        if m:
            per_line[i] = _Directive(i, m, _parse_codes(m.group("codes")), False)
    return file_level, per_line


def apply(findings, lines, path=None, config=None):
    """The findings not suppressed, plus IPL100 findings when the config enables IPL100."""
    report_unused = config is not None and config.enabled(UNUSED_CODE, path)
    if not findings and not report_unused:
        return []
    file_level, per_line = directives(lines, None if report_unused else {f.line for f in findings})
    out = []
    for f in findings:
        d = per_line.get(f.line)
        if d is not None and d.covers(f.code):
            continue
        if any(fd.covers(f.code) for fd in file_level):
            continue
        out.append(f)
    if report_unused:
        out.extend(unused(file_level + list(per_line.values()), path, config))
    return out


def unused(all_directives, path, config):
    out = []
    for d in all_directives:
        if d.codes is None:
            continue
        stale = [c for c in d.codes if c.startswith("IPL") and c not in d.used and c != UNUSED_CODE
                 and config.enabled_prefix(c, path)]
        if not stale:
            continue
        what = "file-level suppression" if d.file_level else "`noqa` directive"
        out.append(Finding(code=UNUSED_CODE, severity=WARNING, path=path or "<stdin>", line=d.line,
                           column=d.column, end_line=d.line, end_column=d.end_column,
                           message=f"unused {what} (suppresses nothing: {', '.join(stale)})"))
    return out
