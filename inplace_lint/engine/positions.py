"""Source positions for CST nodes, computed only where something is reported.

libcst's PositionProvider regenerates the code of the whole module, which
costs about as much as parsing it.  Findings lie in a few top-level statements,
so positions are computed per top-level statement: the statement (without its
leading blank lines and comments) is rendered as a module of its own, and its
first line in the file is taken from Python's ``ast`` (C speed).
"""
from __future__ import annotations

import ast

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider


class Positions:
    def __init__(self, module: cst.Module, source: str):
        self.module = module
        self.source = source
        self._first_lines = None
        self._maps: dict = {}

    def _first_line(self, top):
        if self._first_lines is None:
            self._first_lines = _top_level_lines(self.module, self.source)
        if self._first_lines is None or top >= len(self._first_lines):
            return None
        return self._first_lines[top]

    def _map(self, top):
        m = self._maps.get(top)
        if m is None:
            first = self._first_line(top)
            stmt = self.module.body[top]
            if first is None:
                m = (0, MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider))
            else:
                sub = cst.Module(body=[stmt.with_changes(leading_lines=())] if hasattr(stmt, "leading_lines")
                                 else [stmt], header=(), footer=())
                m = (first - 1, MetadataWrapper(sub, unsafe_skip_copy=True).resolve(PositionProvider))
            self._maps[top] = m
        return m

    def get(self, node, top):
        """(line, column, end_line, end_column), 1-based, end column exclusive."""
        if node is None:
            return (1, 1, 1, 1)
        offset, pos = self._map(top if top is not None else 0)
        r = pos.get(node)
        if r is None:
            # a node outside this statement (should not happen): full resolution
            offset, pos = 0, MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider)
            self._maps[top] = (offset, pos)
            r = pos.get(node)
            if r is None:
                return (1, 1, 1, 1)
        return (r.start.line + offset, r.start.column + 1, r.end.line + offset, r.end.column + 1)


def _top_level_lines(module: cst.Module, source: str):
    """First line of each libcst top-level statement, from ast; None if they cannot be matched."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    stmts = tree.body
    out = []
    i = 0
    for node in module.body:
        if i >= len(stmts):
            return None
        s = stmts[i]
        first = s.lineno
        for d in getattr(s, "decorator_list", ()) or ():
            first = min(first, d.lineno)
        out.append(first)
        i += len(node.body) if isinstance(node, cst.SimpleStatementLine) else 1
    return out if i == len(stmts) else None
