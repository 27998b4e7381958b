"""The flake8 entrance: ``flake8 --select=IPL`` reports what ``inplace-lint check`` reports.

Registered in pyproject.toml as the ``flake8.extension`` entry point ``IPL``.
flake8 hands over the file's lines (already read and decoded, BOM removed);
the plugin joins them, runs the same engine and rules as the CLI, and yields
``(line, column0, "IPLnnn message", type)``.  flake8 prints ``column0 + 1``, so
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

import libcst as cst

from .. import __version__
from ..engine import analyze
from ..runner import judge_events, might_have_hazards

PARSE_PROBLEM = "IPL000"


class Flake8Plugin:
    name = "inplace-lint"
    version = __version__

    def __init__(self, tree, lines, filename):
        # ``tree`` is requested only because flake8 builds the ast anyway; the
        # engine needs a libcst tree (exact columns, comments), built once here.
        self.tree = tree
        self.lines = lines
        self.filename = filename

    def run(self):
        source = "".join(self.lines)
        if not might_have_hazards(source):  # cheap text prefilter: most files stop here
            return
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError as e:
            yield 1, 0, f"{PARSE_PROBLEM} inplace-lint could not parse this file: {e.message}", type(self)
            return
        except RecursionError:
            yield 1, 0, f"{PARSE_PROBLEM} inplace-lint could not parse this file: nested too deeply", type(self)
            return
        try:
            findings = judge_events(analyze(module, source, tree=self.tree), self.filename, None)
        except RecursionError:
            yield 1, 0, f"{PARSE_PROBLEM} inplace-lint internal error: analysis recursion too deep", type(self)
            return
        except Exception as e:  # a bug in one file must not abort the whole flake8 run
            yield 1, 0, f"{PARSE_PROBLEM} inplace-lint internal error: {type(e).__name__}: {e}", type(self)
            return
        for f in findings:
            yield f.line, f.column - 1, f"{f.code} {f.message}", type(self)
