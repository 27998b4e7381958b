"""Source positions for CST nodes, computed only where something is reported.

libcst's PositionProvider regenerates the code of the whole module, which
costs about as much as parsing it.  Findings lie in a few statements, so the
engine records, with every node it may report, the statement that contains
it; that statement alone is rendered and measured, and placed in the file with
the line and indentation Python's ``ast`` (C speed) gives for it.
"""
from __future__ import annotations

import ast

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

try:  # direct codegen: a third of MetadataWrapper's cost for one statement
    from libcst.metadata.position_provider import PositionProvidingCodegenState
except ImportError:  # pragma: no cover - other libcst versions
    PositionProvidingCodegenState = None

_BODY_FIELDS = (("body", "body"), ("orelse", "orelse"), ("finalbody", "finalbody"))


class Positions:
    def __init__(self, module: cst.Module, source: str, tree=None):
        self.module = module
        self.source = source
        self.tree = tree
        self._starts = None  # id(statement) -> (line, column) from ast
        self._maps: dict = {}
        self._full = None

    def _start(self, stmt):
        if self._starts is None:
            self._starts = _statement_starts(self.module, self.source, self.tree)
        return self._starts.get(id(stmt)) if self._starts is not None else None

    def knows(self, stmt):
        """Whether ``stmt`` is a statement of this module."""
        if self._starts is None:
            self._starts = _statement_starts(self.module, self.source, self.tree)
        return self._starts is not None and id(stmt) in self._starts

    def _measure(self, stmt):
        key = id(stmt)
        m = self._maps.get(key)
        if m is None:
            start = self._start(stmt) if stmt is not None else None
            if start is None:
                m = None
            else:
                line0, col0 = start
                if isinstance(stmt, cst.BaseSmallStatement):
                    node = cst.SimpleStatementLine(body=[stmt])
                elif hasattr(stmt, "leading_lines"):
                    node = stmt.with_changes(leading_lines=())
                else:
                    node = stmt
                extra, shift = 0, 0
                prefix = self._lines()[line0 - 1][:col0]
                if prefix and not prefix.strip():
                    # Continuation lines may re-emit the block's indentation, so
                    # render inside a block indented exactly like the original.
                    node = cst.If(test=cst.Name("True"), body=cst.IndentedBlock(body=[node], indent=prefix))
                    extra = 1
                else:
                    shift = col0  # after a ';' on the same line: shift the first line
                m = (line0 - extra, shift, self._render(node))
            self._maps[key] = m
        return m

    def _render(self, node):
        if PositionProvidingCodegenState is not None:
            try:
                provider = PositionProvider()
                state = PositionProvidingCodegenState(default_indent=self.module.default_indent,
                                                      default_newline=self.module.default_newline,
                                                      provider=provider)
                node._codegen(state)
                return provider._computed
            except Exception:
                pass
        sub = cst.Module(body=[node], header=(), footer=())
        return MetadataWrapper(sub, unsafe_skip_copy=True).resolve(PositionProvider)

    def _lines(self):
        if not hasattr(self, "_split"):
            self._split = self.source.splitlines()
        return self._split

    def _whole(self):
        if self._full is None:
            self._full = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider)
        return self._full

    def get(self, node, stmt=None):
        """(line, column, end_line, end_column), 1-based, end column exclusive."""
        if node is None:
            return (1, 1, 1, 1)
        m = self._measure(stmt)
        if m is not None:
            line0, shift, pos = m
            r = pos.get(node)
            if r is not None:
                sc = r.start.column + (shift if r.start.line == 1 else 0)
                ec = r.end.column + (shift if r.end.line == 1 else 0)
                return (r.start.line + line0 - 1, sc + 1, r.end.line + line0 - 1, ec + 1)
        r = self._whole().get(node)
        if r is None:
            return (1, 1, 1, 1)
        return (r.start.line, r.start.column + 1, r.end.line, r.end.column + 1)


def _statement_starts(module: cst.Module, source: str, tree=None):
    """Map every libcst statement to its (line, 0-based column), walking ast in parallel."""
    if tree is None:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
    lines = source.splitlines()
    out: dict = {}

    def col(a):
        # ast columns count UTF-8 bytes
        line = lines[a.lineno - 1] if 0 < a.lineno <= len(lines) else ""
        return len(line.encode("utf-8")[: a.col_offset].decode("utf-8", "replace"))

    def visit(s, a):
        out[id(s)] = (a.lineno, col(a))
        if isinstance(s, (cst.FunctionDef, cst.ClassDef)) and s.decorators or type(s) is cst.ExceptHandler:
            out[id(s)] = None  # rendering starts at a decorator (or the handler's line); use the full map

    pair_statements(module.body, tree.body, visit)
    return out


def pair_statements(cst_stmts, ast_stmts, visit):
    """Walk libcst statements and their ``ast`` counterparts in parallel, calling
    ``visit(cst_node, ast_node)`` for each: a simple line and each of its small statements, a
    compound statement before its blocks, an except handler before its body."""
    i = 0
    for s in cst_stmts:
        if i >= len(ast_stmts):
            return
        if type(s) is cst.SimpleStatementLine:
            k = len(s.body)
            visit(s, ast_stmts[i])
            for small, a2 in zip(s.body, ast_stmts[i:i + k]):
                visit(small, a2)
            i += k
            continue
        a = ast_stmts[i]
        i += 1
        visit(s, a)
        if isinstance(s, cst.BaseSmallStatement):
            continue
        inner = getattr(s, "body", None)
        if inner is not None and hasattr(inner, "body"):
            pair_statements(inner.body, getattr(a, "body", []), visit)
        orelse = getattr(s, "orelse", None)
        if type(orelse) is cst.If:
            pair_statements([orelse], getattr(a, "orelse", []), visit)
        elif orelse is not None:
            pair_statements(orelse.body.body, getattr(a, "orelse", []), visit)
        for h, ah in zip(getattr(s, "handlers", ()) or (), getattr(a, "handlers", []) or []):
            visit(h, ah)
            pair_statements(h.body.body, ah.body, visit)
        fin = getattr(s, "finalbody", None)
        if fin is not None:
            pair_statements(fin.body.body, getattr(a, "finalbody", []), visit)
