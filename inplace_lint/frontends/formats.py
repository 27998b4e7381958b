"""Output formats.  Each takes the checked results and returns the text to print."""
from __future__ import annotations

import json
import os


def _display_path(f):
    return f.path if f.cell is None else f"{f.path}:cell {f.cell}"


def format_text(results, color=False, show_related=True):
    lines = []
    for r in results:
        if r.problem is not None:
            p = r.problem
            if p.kind == "note":  # a limit of the linter, not a fault of the file
                lines.append(f"{p.path}:{p.line}:{p.column}: note: {p.message}")
            else:
                lines.append(_c(f"{p.path}:{p.line}:{p.column}: E902 {p.message}", "31", color))
        for f in r.findings:
            sev = _c(f.severity, "31" if f.severity == "error" else "33", color)
            code = _c(f.code, "1", color)
            verdict = ""
            replay = f.extra.get("replay")
            if replay:
                verdict = f" [replay: {replay['verdict']}: {replay.get('reason', '')}]"
            lines.append(f"{_display_path(f)}:{f.line}:{f.column}: {code} [{sev}] {f.message}{verdict}")
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
