"""Jupyter notebooks: the code cells of an ``.ipynb`` as one module.

The code cells are joined in order into one module, so a model defined in
cell 2 and trained in cell 5 is analysed together, as the kernel runs it.
IPython syntax is blanked first, keeping every line (positions map back):
line magics (``%time f()``), shell escapes (``!pip ...``, ``x = !ls``), help
(``?obj``, ``obj?``) become ``pass`` at the same indentation.  A cell magic
whose body is Python run in the kernel (``%%time``, ``%%timeit``,
``%%capture``, ``%%prun``, ...) has only its first line blanked, so the body is
checked and the names it binds are seen by later cells; a cell magic of
another language or that does not run its body here (``%%bash``, ``%%html``,
``%%writefile``, ``%%script``, an unknown magic) blanks the whole cell.

``NotebookModule.locate`` maps a module line back to (code cell counted from
1, line within that cell); ``map_findings`` rewrites findings with it.
"""
from __future__ import annotations

import dataclasses
import json
import re
from typing import Optional

from ..findings import FileProblem

_MAGIC = re.compile(r"^\s*(?:[%!?]|[A-Za-z_][\w.]*\?{1,2}\s*$|[A-Za-z_][\w\s,()\[\]]*=\s*[%!])")
_AT_LINE = re.compile(r"\bat line (\d+)\b")  # rule messages name module lines: "`sigmoid` at line 12"
_CELL_MAGIC = re.compile(r"^\s*%%\s*([A-Za-z_][\w.]*)")
# Cell magics that run their body as Python in the user's namespace.
PYTHON_CELL_MAGICS = frozenset({
    "time", "timeit", "capture", "prun", "debug", "memit", "mprun", "pyinstrument", "snakeviz", "tensorboard",
    "autoreload", "nvtx", "scalene", "heat", "profile",
})


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


def is_python(nb: dict) -> bool:
    meta = nb.get("metadata")
    meta = meta if isinstance(meta, dict) else {}
    info, spec = meta.get("language_info"), meta.get("kernelspec")
    lang = (info.get("name") if isinstance(info, dict) else None) or \
        (spec.get("language") if isinstance(spec, dict) else None)
    return not isinstance(lang, str) or lang.lower() in ("python", "python3", "ipython", "ipython3")


def _split(text: str) -> list:
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def cell_magic(text: str) -> Optional[str]:
    """The name of the cell magic a cell starts with (``"timeit"`` for ``%%timeit -n 3``), or None."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    m = _CELL_MAGIC.match(first)
    return m.group(1) if m else None


def blank_ipython(text: str) -> list:
    """The cell's lines with IPython-only syntax replaced (same number of lines)."""
    lines = _split(text)
    magic = None
    for i, line in enumerate(lines):
        if line.strip():
            m = _CELL_MAGIC.match(line)
            magic = (i, m.group(1)) if m else None
            break
    if magic is not None:
        if magic[1] not in PYTHON_CELL_MAGICS:
            return [""] * len(lines)
        lines = list(lines)
        lines[magic[0]] = ""
    out = []
    for line in lines:
        if _MAGIC.match(line) and not line.lstrip().startswith("#"):
            indent = line[:len(line) - len(line.lstrip())]
            out.append(indent + "pass")
        else:
            out.append(line)
    return out


@dataclasses.dataclass
class NotebookModule:
    starts: list  # module line (1-based) where each code cell begins
    lines: list  # the module's lines

    @property
    def code(self) -> str:
        return "".join(line + "\n" for line in self.lines)

    def locate(self, line: int):
        """(cell 1-based, line within cell) of a module line."""
        cell = 0
        for i, s in enumerate(self.starts):
            if s <= line:
                cell = i
            else:
                break
        return cell + 1, line - self.starts[cell] + 1

    def bounds(self):
        """(first line, line after the last) of each cell."""
        return list(zip(self.starts, self.starts[1:] + [len(self.lines) + 1]))


def join_cells(cells: list) -> NotebookModule:
    starts, lines = [], []
    for text in cells:
        starts.append(len(lines) + 1)
        lines.extend(blank_ipython(text))
    return NotebookModule(starts or [1], lines)


def load(source: str, path: str):
    """(NotebookModule or None, problem): None with no problem for a notebook of another language."""
    try:
        nb = _load(source)
    except ValueError as e:
        return None, FileProblem(path, str(e))
    if not is_python(nb):
        return None, None
    cells = [_cell_text(c) for c in _cells(nb) if c.get("cell_type") == "code"]
    return join_cells(cells), None


def parse(nbm: NotebookModule, path: str):
    """(libcst Module or None, problem).  Cells that do not parse on their own are blanked and the
    first is reported; the other cells are still checked."""
    import libcst as cst  # only a notebook with something to analyse pays for libcst's import

    problem: Optional[FileProblem] = None
    try:
        return cst.parse_module(nbm.code), None
    except cst.ParserSyntaxError:
        pass
    except RecursionError:
        return None, FileProblem(path, "notebook is nested too deeply to parse")
    for cell, (start, end) in enumerate(nbm.bounds(), 1):
        try:
            cst.parse_module("".join(line + "\n" for line in nbm.lines[start - 1:end - 1]))
        except cst.ParserSyntaxError as e:
            if problem is None:
                problem = FileProblem(path, f"syntax error in cell {cell}, line {e.raw_line}: {e.message}",
                                      e.raw_line, e.raw_column + 1)
            nbm.lines[start - 1:end - 1] = [""] * (end - start)
        except RecursionError:
            if problem is None:
                problem = FileProblem(path, f"cell {cell} is nested too deeply to parse")
            nbm.lines[start - 1:end - 1] = [""] * (end - start)
    if problem is None:
        problem = FileProblem(path, "syntax error: the code cells do not parse together")
    try:
        return cst.parse_module(nbm.code), problem
    except (cst.ParserSyntaxError, RecursionError):
        return None, problem


def map_findings(findings, nbm: NotebookModule, path: str) -> list:
    """Findings on module lines -> findings on (cell, line in cell)."""
    mapped = []
    for f in findings:
        cell, line = nbm.locate(f.line)
        end_cell, end_line = nbm.locate(f.end_line)
        if end_cell != cell:  # cannot happen for a statement; keep the span inside the cell
            end_line, end_col = line, f.column + 1
        else:
            end_col = f.end_column
        related = []
        for r in f.related:
            if r.path is None:
                rc, rl = nbm.locate(r.line)
                related.append(dataclasses.replace(r, line=rl, path=f"{path}:cell {rc}"))
            else:
                related.append(r)
        message = _AT_LINE.sub(lambda m: "at cell {}, line {}".format(*nbm.locate(int(m.group(1)))), f.message)
        mapped.append(dataclasses.replace(f, cell=cell, line=line, end_line=end_line, end_column=end_col,
                                          related=tuple(related), message=message))
    mapped.sort(key=lambda f: f.sort_key())
    return mapped


# ---------------------------------------------------------------- positions in the .ipynb file itself
_WS = re.compile(r"[ \t\n\r]*")
_STR = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _literal_chars(s: str, start: int, end: int):
    """Raw offset of each decoded character of the JSON string literal s[start:end] (quotes included)."""
    out = []
    i = start + 1
    while i < end - 1:
        out.append(i)
        if s[i] != "\\":
            i += 1
        elif s[i + 1] == "u":
            hi = int(s[i + 2:i + 6], 16)
            i += 6
            if 0xD800 <= hi < 0xDC00 and s[i:i + 2] == "\\u":  # a surrogate pair is one code point
                i += 6
        else:
            i += 2
    return out


class FilePositions:
    """Where each character of each code cell's source sits in the notebook file (1-based line, column).

    Code-scanning UIs show the ``.ipynb`` file as text, so SARIF and GitHub
    annotations point at the JSON line that holds the flagged source line.
    """

    def __init__(self, raw: str):
        self.raw = raw
        self.cells = []  # per code cell: list of raw offsets, one per decoded character
        self._starts: dict = {}
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", raw)]
        try:
            self._scan()
        except (ValueError, IndexError, RecursionError):
            self.cells = []

    def _scan(self):
        s, dec = self.raw, json.JSONDecoder()
        i = _WS.match(s, 0).end()
        if s[i] != "{":
            return
        i += 1
        while True:
            i = _WS.match(s, i).end()
            if s[i] == "}":
                return
            m = _STR.match(s, i)
            key = json.loads(m.group())
            i = _WS.match(s, m.end()).end() + 1  # past ':'
            i = _WS.match(s, i).end()
            if key == "cells" and s[i] == "[":
                i = self._cells(s, i + 1, dec)
            else:
                _, i = dec.raw_decode(s, i)
            i = _WS.match(s, i).end()
            if s[i] == ",":
                i += 1

    def _cells(self, s, i, dec):
        while True:
            i = _WS.match(s, i).end()
            if s[i] == "]":
                return i + 1
            if s[i] == ",":
                i += 1
                continue
            if s[i] != "{":
                _, i = dec.raw_decode(s, i)
                continue
            i, kind, chars = self._cell(s, i + 1, dec)
            if kind == "code":
                self.cells.append(chars)

    def _cell(self, s, i, dec):
        kind, chars = None, []
        while True:
            i = _WS.match(s, i).end()
            if s[i] == "}":
                return i + 1, kind, chars
            if s[i] == ",":
                i += 1
                continue
            m = _STR.match(s, i)
            key = json.loads(m.group())
            i = _WS.match(s, _WS.match(s, m.end()).end() + 1).end()
            if key == "source" and s[i] in "[\"":
                if s[i] == '"':
                    m = _STR.match(s, i)
                    chars = _literal_chars(s, m.start(), m.end())
                    i = m.end()
                else:
                    i += 1
                    while True:
                        i = _WS.match(s, i).end()
                        if s[i] == "]":
                            i += 1
                            break
                        if s[i] == ",":
                            i += 1
                            continue
                        m = _STR.match(s, i)
                        if m is None:
                            _, i = dec.raw_decode(s, i)
                            continue
                        chars.extend(_literal_chars(s, m.start(), m.end()))
                        i = m.end()
            else:
                value, i = dec.raw_decode(s, i)
                if key == "cell_type":
                    kind = value

    def _line_col(self, offset):
        import bisect

        k = bisect.bisect_right(self._line_starts, offset) - 1
        return k + 1, offset - self._line_starts[k] + 1

    def locate(self, cell: int, line: int, column: int):
        """(file line, file column) of (code cell 1-based, line in cell, column), or None."""
        if not 0 < cell <= len(self.cells):
            return None
        chars = self.cells[cell - 1]
        starts = self._starts.get(cell)
        if starts is None:  # line starts of the decoded cell text (its newlines are escapes in the file)
            decoded = _decoded(self.raw, chars)
            starts = self._starts[cell] = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", decoded)]
        if not 0 < line <= len(starts):
            return None
        k = starts[line - 1] + column - 1
        if k >= len(chars):
            k = len(chars) - 1
        if k < 0:
            return None
        return self._line_col(chars[k])


def _decoded(raw, chars):
    out = []
    for o in chars:
        c = raw[o]
        if c != "\\":
            out.append(c)
        elif raw[o + 1] == "u":
            hi = int(raw[o + 2:o + 6], 16)
            if 0xD800 <= hi < 0xDC00 and raw[o + 6:o + 8] == "\\u":
                lo = int(raw[o + 8:o + 12], 16)
                out.append(chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)))
            else:
                out.append(chr(hi))
        else:
            out.append(_ESC.get(raw[o + 1], raw[o + 1]))
    return "".join(out)
