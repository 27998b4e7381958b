"""Jupyter notebooks: check the code cells of an ``.ipynb`` as one module.

The code cells are joined in order into one module, so a model defined in
cell 2 and trained in cell 5 is analysed together, as the kernel runs it.
IPython syntax is blanked first, keeping every line (positions map back):
line magics (``%time f()``), shell escapes (``!pip ...``, ``x = !ls``), help
(``?obj``, ``obj?``) become ``pass`` at the same indentation, and a cell that
starts with a cell magic (``%%bash``, ``%%timeit``) is skipped whole.

Findings get ``cell`` (code cells counted from 1) and ``line`` within that
cell; columns are unchanged.  A related place in the notebook gets the path
``"<path>:cell N"``.  A cell that does not parse is reported as the file's
problem and the other cells are still checked.
"""
from __future__ import annotations

import dataclasses
import json
import re
from typing import Optional

import libcst as cst

from ..findings import FileProblem
from ..runner import FileResult, check_module, might_have_hazards

_MAGIC = re.compile(r"^\s*(?:[%!?]|[A-Za-z_][\w.]*\?{1,2}\s*$|[A-Za-z_][\w\s,()\[\]]*=\s*[%!])")
_AT_LINE = re.compile(r"\bat line (\d+)\b")  # rule messages name module lines: "`sigmoid` at line 12"


def _cell_text(cell) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        src = "".join(s for s in src if isinstance(s, str))
    return src if isinstance(src, str) else ""


def _load(source: str) -> dict:
    try:
        nb = json.loads(source)
    except json.JSONDecodeError as e:
        raise ValueError(f"invalid notebook JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    except RecursionError:
        raise ValueError("invalid notebook: JSON nested too deeply") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells", []), list):
        raise ValueError("invalid notebook: no list of cells")
    return nb


def _cells(nb: dict) -> list:
    """The cells, of nbformat 4 (``cells``) or 3 (``worksheets[].cells``, code in ``input``)."""
    if "cells" in nb or not isinstance(nb.get("worksheets"), list):
        return [c for c in nb.get("cells", []) if isinstance(c, dict)]
    out = []
    for ws in nb["worksheets"]:
        for c in (ws.get("cells") if isinstance(ws, dict) else None) or []:
            if isinstance(c, dict):
                out.append(dict(c, source=c.get("input", "")) if "source" not in c else c)
    return out


def code_cells(source: str) -> list:
    """The text of each code cell, in order.  Raises ValueError for a file that is not a notebook."""
    nb = _load(source)
    return [_cell_text(c) for c in _cells(nb) if c.get("cell_type") == "code"]


def _is_python(nb: dict) -> bool:
    meta = nb.get("metadata")
    meta = meta if isinstance(meta, dict) else {}
    info, spec = meta.get("language_info"), meta.get("kernelspec")
    lang = (info.get("name") if isinstance(info, dict) else None) or \
        (spec.get("language") if isinstance(spec, dict) else None) or meta.get("language")
    return not isinstance(lang, str) or lang.lower() in ("python", "python3", "ipython", "ipython3")


def _split(text: str) -> list:
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def blank_ipython(text: str) -> list:
    """The cell's lines with IPython-only syntax replaced (same number of lines)."""
    lines = _split(text)
    if lines and lines[0].lstrip().startswith("%%"):
        return [""] * len(lines)
    out = []
    for line in lines:
        if _MAGIC.match(line) and not line.lstrip().startswith("#"):
            indent = line[:len(line) - len(line.lstrip())]
            out.append(indent + "pass")
        else:
            out.append(line)
    return out


@dataclasses.dataclass
class _Layout:
    starts: list  # module line (1-based) where each code cell begins
    lines: list  # the module's lines

    def locate(self, line: int):
        """(cell 1-based, line within cell) of a module line."""
        cell = 0
        for i, s in enumerate(self.starts):
            if s <= line:
                cell = i
            else:
                break
        return cell + 1, line - self.starts[cell] + 1


def _join(cells: list) -> _Layout:
    starts, lines = [], []
    for text in cells:
        starts.append(len(lines) + 1)
        lines.extend(blank_ipython(text))
    return _Layout(starts or [1], lines)


def check_notebook_source(source: str, path: str, config=None) -> FileResult:
    try:
        nb = _load(source)
    except ValueError as e:
        return FileResult(path, [], FileProblem(path, str(e)), source)
    if not _is_python(nb):
        return FileResult(path, [], None, source)
    cells = [_cell_text(c) for c in _cells(nb) if c.get("cell_type") == "code"]
    layout = _join(cells)
    problem: Optional[FileProblem] = None
    code = "".join(line + "\n" for line in layout.lines)
    if not might_have_hazards(code):
        return FileResult(path, [], None, source)
    try:
        module = cst.parse_module(code)
    except cst.ParserSyntaxError:
        # Find the cells that do not parse on their own, report the first, check the rest.
        bounds = list(zip(layout.starts, layout.starts[1:] + [len(layout.lines) + 1]))
        for cell, (start, end) in enumerate(bounds, 1):
            try:
                cst.parse_module("".join(line + "\n" for line in layout.lines[start - 1:end - 1]))
            except cst.ParserSyntaxError as e:
                if problem is None:
                    problem = FileProblem(path, f"syntax error in cell {cell}, line {e.raw_line}: {e.message}",
                                          e.raw_line, e.raw_column + 1)
                layout.lines[start - 1:end - 1] = [""] * (end - start)
            except RecursionError:
                layout.lines[start - 1:end - 1] = [""] * (end - start)
        if problem is None:
            problem = FileProblem(path, "syntax error: the code cells do not parse together")
        code = "".join(line + "\n" for line in layout.lines)
        try:
            module = cst.parse_module(code)
        except cst.ParserSyntaxError:
            return FileResult(path, [], problem, source)
    except RecursionError:
        return FileResult(path, [], FileProblem(path, "notebook is nested too deeply to parse"), source)
    try:
        findings = check_module(module, code, path, config)
    except RecursionError:
        return FileResult(path, [], FileProblem(path, "internal error: analysis recursion too deep"), source)
    mapped = []
    for f in findings:
        cell, line = layout.locate(f.line)
        end_cell, end_line = layout.locate(f.end_line)
        if end_cell != cell:  # cannot happen for a statement; keep the span inside the cell
            end_line, end_col = line, f.column + 1
        else:
            end_col = f.end_column
        related = []
        for r in f.related:
            if r.path is None:
                rc, rl = layout.locate(r.line)
                related.append(dataclasses.replace(r, line=rl, path=f"{path}:cell {rc}"))
            else:
                related.append(r)
        message = _AT_LINE.sub(lambda m: "at cell {}, line {}".format(*layout.locate(int(m.group(1)))), f.message)
        mapped.append(dataclasses.replace(f, cell=cell, line=line, end_line=end_line, end_column=end_col,
                                          related=tuple(related), message=message))
    mapped.sort(key=lambda f: f.sort_key())
    return FileResult(path, mapped, problem, source)
