"""Output formats.  Each takes the checked results and returns the text to print."""
from __future__ import annotations

import json
import os
import re


def _display_path(f):
    return f.path if f.cell is None else f"{f.path}:cell {f.cell}"


def source_lines(result) -> dict:
    """{cell or None: lines} of the text a result's line numbers refer to (per code cell for notebooks)."""
    src = result.source
    if src is None:
        try:
            with open(result.path, encoding="utf-8", errors="replace") as fh:
                src = fh.read()
        except OSError:
            src = ""
    if result.path.endswith(".ipynb"):
        from ..sources.notebook import code_cells

        try:
            cells = code_cells(src)
        except ValueError:
            cells = []
        return {i + 1: re.split(r"\r\n|\r|\n", c) for i, c in enumerate(cells)}
    return {None: re.split(r"\r\n|\r|\n", src)}


def _snippet(f, lines, color):
    """The flagged line with carets under the span (ruff's "full" output, in short)."""
    text_lines = lines.get(f.cell, [])
    if not 0 < f.line <= len(text_lines):
        return []
    text = text_lines[f.line - 1]
    start = max(1, f.column)
    end = f.end_column if f.end_line == f.line and f.end_column > start else len(text) + 1
    # keep tabs under tabs so the carets line up however the terminal expands them
    pad = "".join(ch if ch == "\t" else " " for ch in text[:start - 1])
    gutter = " " * len(str(f.line))
    return [f"  {gutter} |", f"  {f.line} | {text}",
            f"  {gutter} | {pad}{_c('^' * max(1, end - start), '31' if f.severity == 'error' else '33', color)}"]


def format_text(results, color=False, show_related=True, show_source=False, **_):
    lines = []
    for r in results:
        if r.problem is not None:
            p = r.problem
            if p.kind == "note":  # a limit of the linter, not a fault of the file
                lines.append(f"{p.path}:{p.line}:{p.column}: note: {p.message}")
            else:
                lines.append(_c(f"{p.path}:{p.line}:{p.column}: E902 {p.message}", "31", color))
        src = source_lines(r) if show_source and r.findings else None
        for f in r.findings:
            sev = _c(f.severity, "31" if f.severity == "error" else "33", color)
            code = _c(f.code, "1", color)
            verdict = ""
            replay = f.extra.get("replay")
            if replay:
                verdict = f" [replay: {replay['verdict']}: {replay.get('reason', '')}]"
            lines.append(f"{_display_path(f)}:{f.line}:{f.column}: {code} [{sev}] {f.message}{verdict}")
            if src is not None:
                lines.extend(_snippet(f, src, color))
            if show_related:
                for rel in f.related:
                    lines.append(f"    {rel.path or _display_path(f)}:{rel.line}:{rel.column}: note: {rel.message}")
    return "\n".join(lines)


def format_json(results, **_):
    items = [f.to_dict() for r in results for f in r.findings]
    return json.dumps(items, indent=2)


def problems_json(results):
    return [{"path": r.problem.path, "line": r.problem.line, "column": r.problem.column,
             "message": r.problem.message} for r in results if r.problem is not None]


def _c(text, code, color):
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def use_color(flag_no_color, stream):
    if flag_no_color or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


FORMATTERS = {"text": format_text, "json": format_json}


def register(name, func):
    FORMATTERS[name] = func
