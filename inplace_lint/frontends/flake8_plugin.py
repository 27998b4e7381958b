"""The flake8 entrance: ``flake8 --select=IPL`` reports what ``inplace-lint check`` reports.

Registered in pyproject.toml as the ``flake8.extension`` entry point ``IPL``.
flake8 hands over the file's lines (already read and decoded, BOM removed);
the plugin joins them, runs the same engine and rules as the CLI, and yields
``(line, column0, "IPLnnn message", type)``; a warning's message begins with
``[warning]`` (flake8 shows every result alike).  flake8 prints ``column0 + 1``, so
the printed ``path:line:col`` equals the CLI's.

flake8 itself applies ``--select``/``--ignore``/``--extend-ignore``,
``# noqa`` comments and ``per-file-ignores``, so the plugin reports every
rule and does not apply inplace-lint's own ``# noqa`` handling or
``[tool.inplace-lint]`` configuration (one place decides what is shown).

A file that flake8 parsed but libcst cannot, or whose analysis fails (the CLI
reports both as E902), gets one ``IPL000`` line at 1:1 instead of silently
passing or aborting flake8.
"""
from __future__ import annotations

from .. import __version__
from ..findings import WARNING
from ..runner import check_parsed, might_have_hazards

PARSE_PROBLEM = "IPL000"


class Flake8Plugin:
    name = "inplace-lint"
    version = __version__

    def __init__(self, tree, lines, filename):
        # flake8 has built the ast anyway: it places positions without a reparse
        self.tree = tree
        self.lines = lines
        self.filename = filename

    def run(self):
        source = "".join(self.lines)
        if not might_have_hazards(source):  # cheap text prefilter: most files stop here
            return
        try:
            result = check_parsed(source, self.filename, None, noqa=False, tree=self.tree)
        except Exception as e:  # a bug in one file must not abort the whole flake8 run
            yield 1, 0, f"{PARSE_PROBLEM} inplace-lint internal error: {type(e).__name__}: {e}", type(self)
            return
        if result.problem is not None:
            yield 1, 0, f"{PARSE_PROBLEM} inplace-lint could not check this file: {result.problem.message}", type(self)
            return
        for f in result.findings:
            # flake8 has no severities: a warning says so at the start of its message
            tag = "[warning] " if f.severity == WARNING else ""
            yield f.line, f.column - 1, f"{f.code} {tag}{f.message}", type(self)
