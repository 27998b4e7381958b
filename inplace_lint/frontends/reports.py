"""Machine-read report formats: ``--format sarif`` and ``--format github``.

Importing this module registers both in ``formats.FORMATTERS``.

SARIF 2.1.0 (GitHub code scanning, VS Code SARIF viewer, ...): one run whose
driver lists every rule; results carry the rule, level, message, region
(1-based, columns counted in Unicode code points: ``columnKind`` says so),
the related "saved here" places and a ``partialFingerprints`` entry that does
not depend on line numbers, so a result keeps its identity when unrelated
lines are added above it.  Paths are relative to the working directory under
``%SRCROOT%``.  Files that could not be checked become tool execution
notifications (``executionSuccessful`` is then false).

GitHub workflow commands: one ``::error``/``::warning`` line per finding,
shown by GitHub Actions as an annotation on the diff.

Notebooks: a code-scanning UI shows the ``.ipynb`` file as its JSON text, so
both formats place a notebook finding at the line and column of that text
where the flagged source sits (``sources.notebook.FilePositions``).  The
message starts with ``cell N, line L:`` (the position in the notebook's own
terms); SARIF also carries the cell as a ``logicalLocation`` (``cell N``)
and as region properties (``cell``, ``cellLine``, ``cellColumn``), and
GitHub's annotation title is ``IPLxxx (cell N)``.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from urllib.parse import quote

from .. import __version__
from . import formats

INFORMATION_URI = "https://github.com/inplace-lint/inplace-lint"
RULE_HELP_URI = INFORMATION_URI + "/blob/main/docs/rules/{code}.md"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "inplaceLint/v1"


def rule_help_uri(code: str) -> str:
    return RULE_HELP_URI.format(code=code)


def first_paragraph(doc: str) -> str:
    """The first prose paragraph of a rule doc (headings skipped), on one line."""
    para = []
    for line in doc.splitlines():
        s = line.strip()
        if s.startswith("#"):
            if para:
                break
            continue
        if not s:
            if para:
                break
            continue
        para.append(s)
    return " ".join(para)


# ---------------------------------------------------------------- helpers
def fingerprints(result):
    """One stable hash per finding of ``result``: code + normalized flagged line + occurrence index."""
    lines = formats.source_lines(result)
    seen: dict = {}
    out = []
    for f in result.findings:
        text_lines = lines.get(f.cell, [])
        text = text_lines[f.line - 1] if 0 < f.line <= len(text_lines) else ""
        norm = " ".join(text.split())
        key = (f.code, norm)
        idx = seen.get(key, 0)
        seen[key] = idx + 1
        out.append(hashlib.sha256(f"{f.code}\0{norm}\0{idx}".encode("utf-8")).hexdigest()[:32])
    return out


def _uri(path: str):
    """(uri, uriBaseId or None): relative to the working directory when inside it."""
    abspath = os.path.abspath(path)
    try:
        rel = os.path.relpath(abspath, os.getcwd())
    except ValueError:  # another drive
        rel = None
    if rel is None or rel == ".." or rel.startswith(".." + os.sep):
        return "file://" + quote(abspath.replace(os.sep, "/") if abspath.startswith("/") else
                                 "/" + abspath.replace(os.sep, "/")), None
    return quote(rel.replace(os.sep, "/")), "%SRCROOT%"


def _location(path, line, column, end_line=None, end_column=None):
    uri, base = _uri(path)
    artifact = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    region = {"startLine": max(1, line), "startColumn": max(1, column)}
    if end_line is not None:
        region["endLine"] = max(region["startLine"], end_line)
        end_col = max(1, end_column or 1)
        if region["endLine"] == region["startLine"]:
            end_col = max(end_col, region["startColumn"])
        region["endColumn"] = end_col
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


_CELL_PATH = re.compile(r"^(.*):cell (\d+)$")


def _cell_prefix(f):
    return f"cell {f.cell}, line {f.line}: " if f.cell is not None else ""


class _Placer:
    """Positions in the file a code-scanning UI shows: for a notebook, the line and column of the
    ``.ipynb`` JSON text that holds the flagged source; for other files, the finding's own."""

    def __init__(self, result):
        self.positions = None
        if result.path.endswith(".ipynb") and result.source is not None:
            from ..sources.notebook import FilePositions

            self.positions = FilePositions(result.source)

    def span(self, cell, line, column, end_line=None, end_column=None):
        if cell is None or self.positions is None:
            return line, column, end_line, end_column
        start = self.positions.locate(cell, line, column)
        if start is None:
            return 1, 1, None, None
        end = None
        if end_line is not None and end_column is not None and end_column > 1:
            end = self.positions.locate(cell, end_line, end_column - 1)
        if end is None or end < start:
            return start[0], start[1], None, None
        return start[0], start[1], end[0], end[1] + 1


# ---------------------------------------------------------------- SARIF
def sarif_log(results) -> dict:
    from ..rules import ALL_RULES, OPT_IN

    rules = []
    index = {}
    for i, r in enumerate(ALL_RULES):
        index[r.code] = i
        rules.append({
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": first_paragraph(r.doc)},
            "helpUri": rule_help_uri(r.code),
            "help": {"text": f"{r.summary}. See {rule_help_uri(r.code)}",
                     "markdown": f"**{r.code}: {r.name}**: {r.summary}. [Documentation]({rule_help_uri(r.code)})"},
            "defaultConfiguration": {"level": getattr(r, "severity", "error"),
                                     **({"enabled": False} if r.code in OPT_IN else {})},
        })
    sarif_results = []
    notifications = []
    for res in results:
        if res.problem is not None:
            p = res.problem
            notifications.append({
                "level": "note" if p.kind == "note" else "error",
                "message": {"text": p.message},
                "descriptor": {"id": "E902"},
                "locations": [_location(p.path, p.line, p.column)],
            })
        if not res.findings:
            continue
        prints = fingerprints(res)
        place = _Placer(res)
        for f, fp in zip(res.findings, prints):
            loc = _location(f.path, *place.span(f.cell, f.line, f.column, f.end_line, f.end_column))
            if f.cell is not None:  # the cell and the position within it, for tools that understand notebooks
                loc["physicalLocation"]["region"]["properties"] = {
                    "cell": f.cell, "cellLine": f.line, "cellColumn": f.column}
                loc["logicalLocations"] = [{"name": f"cell {f.cell}", "fullyQualifiedName": f"{f.path}:cell {f.cell}",
                                            "kind": "module"}]
            item = {
                "ruleId": f.code,
                "level": "error" if f.severity == "error" else "warning",
                "message": {"text": _cell_prefix(f) + f.message},
                "locations": [loc],
                "partialFingerprints": {FINGERPRINT_KEY: fp},
            }
            if f.code in index:
                item["ruleIndex"] = index[f.code]
            if f.related:
                rel = []
                for k, r in enumerate(f.related):
                    rpath, cell = r.path or f.path, f.cell if r.path is None else None
                    m = _CELL_PATH.match(rpath)
                    if m and m.group(1) == f.path:  # a notebook cell: the artifact is the notebook
                        rpath, cell = f.path, int(m.group(2))
                    prefix = f"cell {cell}, line {r.line}: " if cell is not None else ""
                    line, col, _, _ = place.span(cell, r.line, r.column)
                    loc = _location(rpath, line, col)
                    loc["id"] = k + 1
                    loc["message"] = {"text": prefix + r.message}
                    rel.append(loc)
                item["relatedLocations"] = rel
            props = {}
            if f.cell is not None:
                props["cell"] = f.cell
            if f.fix is not None:
                props["fixSafe"] = f.fix.safe
            replay = f.extra.get("replay") if f.extra else None
            if replay:
                props["replay"] = replay
            if props:
                item["properties"] = props
            sarif_results.append(item)
    cwd = os.getcwd().replace(os.sep, "/")
    if not cwd.startswith("/"):
        cwd = "/" + cwd
    run = {
        "tool": {"driver": {"name": "inplace-lint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + quote(cwd.rstrip("/") + "/")}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def format_sarif(results, **_):
    return json.dumps(sarif_log(results), indent=2)


# ---------------------------------------------------------------- GitHub
def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _command(kind, path, line, col, end_line, end_col, title, message):
    props = [f"file={_escape_property(path)}", f"line={line}", f"col={col}"]
    if end_line is not None:
        props += [f"endLine={end_line}", f"endColumn={end_col}"]
    props.append(f"title={_escape_property(title)}")
    return f"::{kind} {','.join(props)}::{_escape_data(message)}"


def format_github(results, **_):
    out = []
    for r in results:
        if r.problem is not None:
            p = r.problem
            out.append(_command("error", p.path, p.line, p.column, None, None, "E902", p.message))
        place = _Placer(r)
        for f in r.findings:
            msg = _cell_prefix(f) + f.message
            for rel in f.related:
                where = f"{rel.path}:" if rel.path else ""
                msg += f"\n{where}line {rel.line}:{rel.column}: note: {rel.message}"
            kind = "error" if f.severity == "error" else "warning"
            title = f.code if f.cell is None else f"{f.code} (cell {f.cell})"
            line, col, end_line, end_col = place.span(f.cell, f.line, f.column, f.end_line, f.end_column)
            out.append(_command(kind, f.path, line, col, end_line, end_col, title, msg))
    return "\n".join(out)


formats.register("sarif", format_sarif)
formats.register("github", format_github)
