"""The replayed file's AST: its functions, classes, ``__main__`` block and
which code holds a line."""
import ast

from . import common
from .common import HARNESS_FILE


def is_main_guard(node):
    if not isinstance(node, ast.If):
        return False
    t = node.test
    if isinstance(t, ast.Compare) and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq):
        sides = [t.left] + list(t.comparators)
        names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
        consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
        return bool(names and consts)
    return False


def node_start(node):
    decs = getattr(node, "decorator_list", None) or []
    return min([node.lineno] + [d.lineno for d in decs])


def contains(node, line):
    return node_start(node) <= line <= (getattr(node, "end_lineno", None) or node.lineno)


def refs(node):
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            out.add(n.id)
        elif isinstance(n, ast.Attribute):
            out.add(n.attr)
    return out


def required_params(fn):
    a = fn.args
    pos = list(a.posonlyargs) + list(a.args)
    n_req = len(pos) - len(a.defaults)
    req = [p.arg for p in pos[:n_req]]
    req += [k.arg for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
    return req


class Index:
    """What the runner needs to know about the file, from its AST."""

    def __init__(self, src, path):
        self.src = src
        self.tree = ast.parse(src, path)
        self.flags = 0
        import __future__
        for node in self.tree.body:
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                for a in node.names:
                    feat = getattr(__future__, a.name, None)
                    if feat is not None:
                        self.flags |= feat.compiler_flag
        self.funcs = {}
        self.classes = {}
        self.main_block = None
        for node in self.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.funcs[node.name] = node
            elif isinstance(node, ast.ClassDef):
                self.classes[node.name] = node
            elif is_main_guard(node):
                self.main_block = node
        self.graph = {}
        for name, node in list(self.funcs.items()) + list(self.classes.items()):
            self.graph[name] = refs(node) & (set(self.funcs) | set(self.classes))
        self.stmts = [n for n in ast.walk(self.tree) if isinstance(n, ast.stmt)]
        common.DATA_ASSIGN_LINES = set()
        for n in self.stmts:  # `x.data = ...`: the only way to swap a saved tensor's memory
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr == "data"
                                                 for t in n.targets):
                common.DATA_ASSIGN_LINES.update(range(n.lineno, (n.end_lineno or n.lineno) + 1))

    def compile(self, node, mode="exec"):
        if isinstance(node, list):
            node = ast.Module(body=node, type_ignores=[])
        elif isinstance(node, ast.stmt):
            node = ast.Module(body=[node], type_ignores=[])
        return compile(node, common.PATH, mode, flags=self.flags, dont_inherit=True)

    def compile_expr(self, expr):
        """An expression the harness evaluates (a constructor argument seen at a call
        site, a default value, a consumer such as ``self.mlp``) is compiled under
        another file name: the line tracer must not count its line as run by the
        user's code (it did not run in the replayed control flow)."""
        return compile(ast.Expression(expr), HARNESS_FILE, "eval", flags=self.flags, dont_inherit=True)

    def reach(self, roots):
        seen, todo = set(), list(roots)
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            todo.extend(self.graph.get(n, ()))
        return seen

    def locate(self, line):
        """(kind, top-level name, method node or None) of the code that holds line."""
        for node in self.tree.body:
            if not contains(node, line):
                continue
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return "func", node.name, node
            if isinstance(node, ast.ClassDef):
                for sub in node.body:
                    if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)) and contains(sub, line):
                        return "method", node.name, sub
                return "module", node.name, None
            if is_main_guard(node):
                return "main", None, None
            return "module", None, None
        return "module", None, None

    def stmt_lines(self, line):
        """Lines of the (header of the) innermost statement that holds line."""
        best = None
        for n in self.stmts:
            end = getattr(n, "end_lineno", None) or n.lineno
            if n.lineno <= line <= end:
                if best is None or (end - n.lineno) < ((best.end_lineno or best.lineno) - best.lineno):
                    best = n
        if best is None:
            return {line}
        end = best.end_lineno or best.lineno
        body = getattr(best, "body", None)
        if isinstance(body, list) and body:
            end = min(end, body[0].lineno - 1)
            if line > end:
                return {line}
        return set(range(best.lineno, max(end, best.lineno) + 1))
