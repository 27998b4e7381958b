"""A finding is plain data: what the rules say, where, and how to fix it.

Positions are 1-based lines and 1-based columns (characters, as editors and
``path:line:col`` output count them); ``end_column`` is exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Optional

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Related:
    """A second place that explains the finding, e.g. the line that saved the tensor."""

    line: int
    column: int
    message: str
    path: Optional[str] = None  # None: same file as the finding


WRITTEN_HERE = "modified in place here by "  # a related place: the write, when it lies in another file


@dataclass(frozen=True)
class Edit:
    """Replace the text between two positions (1-based, end exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    description: str
    edits: tuple
    safe: bool = True


@dataclass
class Finding:
    code: str
    severity: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    related: tuple = ()
    fix: Optional[Fix] = None
    cell: Optional[int] = None  # notebook code cell (1-based) when the file is .ipynb
    extra: dict = field(default_factory=dict)  # front-ends may attach more (e.g. replay verdicts)
    # The root cause as the rule saw it (the same save, the same leaf, ...): findings of one file
    # with the same code and cause are reported as one.  Compared only, never printed.
    cause: Optional[str] = None
    # A finding that stands for several (see ``grouping``): the per-line findings it folds, its own
    # first.  ``--fix`` and ``--add-noqa`` work on these.  Not printed (the related locations say it).
    group: tuple = ()
    # Found by analysing another file's call into this project's module, reported at that call:
    # where it is reported instead when the module that writes is checked in the same run
    # (``relocation.relocate``): (path, line, column, end_line, end_column, message, related).
    moved: Optional[tuple] = None

    def sort_key(self):
        return (self.path, self.cell or 0, self.line, self.column, self.code)

    def to_dict(self) -> dict:
        d = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "related": [asdict(r) for r in self.related],
            "fix": None
            if self.fix is None
            else {
                "description": self.fix.description,
                "safe": self.fix.safe,
                "edits": [asdict(e) for e in self.fix.edits],
            },
        }
        if self.cell is not None:
            d["cell"] = self.cell
        d.update(self.extra)
        return d


@dataclass
class FileProblem:
    """A file that could not be checked (syntax error, bad encoding, unreadable).

    ``kind`` "note": not a problem with the file but a limit of the linter
    (valid code libcst cannot parse, an analysis stopped by its work budget);
    it is reported but does not fail the run."""

    path: str
    message: str
    line: int = 1
    column: int = 1
    kind: str = "error"
