"""``--fix`` / ``--diff`` / ``--unsafe-fixes``: rewrite hazards into out-of-place forms.

Only findings of the rules whose page promises a fix (``FIXABLE_CODES``) are
considered, and only statement-level forms whose modified tensor is a plain
name or attribute:

=================================  =================================
``y.mul_(2)``                      ``y = y.mul(2)``
``y += z`` (any augmented op)      ``y = y + z``
``F.relu_(y)``                     ``y = F.relu(y)``
``y = F.relu(y, inplace=True)``    ``y = F.relu(y, inplace=False)``
``F.relu(y, inplace=True)``        ``y = F.relu(y, inplace=False)``
``nn.ReLU(inplace=True)``          ``nn.ReLU(inplace=False)`` (at the constructor the finding points to)
=================================  =================================

A chained ``x.sub_(a).div_(b)``, an in-place call whose result is used, or a
method without an out-of-place twin (``zero_``, ``fill_``, ``copy_``,
``normal_``...) is left alone.

A fix is *safe* when no other name can observe the tensor the in-place op
would have changed: the name is a local bound only to fresh values (results
of ordinary calls or arithmetic, or disjoint pieces of a temporary via
``chunk``/``split``/``unbind``), and nothing else in its scope takes a view of
it or stores it.  Everything else -- attributes (``self.h``), function
arguments, globals seen from a function, names bound to views or aliases of
other names, ``x = F.relu(y, inplace=True)`` with another name -- is *unsafe*
and applied only with ``--unsafe-fixes``.

Writing is atomic (a temporary file in the same folder, then ``os.replace``,
keeping the permission bits, owner, encoding and BOM; through a symlink to
the real file; in place, after a verified backup copy, where a rename would
break hard links -- see ``write_atomic``); a file whose fixed text does
not parse, or that changed since it was checked, is skipped and reported; a
file with nothing to change is never written; notebooks are not rewritten.
"""
from __future__ import annotations

import difflib
import io
import os
import re
import stat
import sys
import tempfile
import tokenize
from typing import Optional

import libcst as cst
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

from .. import grouping
from ..findings import ERROR, WARNING, Edit, Fix

FIXABLE_CODES = ("IPL001", "IPL003", "IPL005")  # the rule pages whose "Fix safety" promises a rewrite
# In-place methods whose out-of-place namesake does something else (or does not exist).
_NO_TWIN = {"bernoulli_", "resize_", "resize_as_", "requires_grad_", "share_memory_", "set_", "copy_", "fill_",
            "zero_", "normal_", "uniform_", "random_", "exponential_", "geometric_", "cauchy_", "log_normal_",
            "fill_diagonal_", "retain_grad", "record_stream"}
_MULTI_VIEW = {"chunk", "split", "unbind", "tensor_split", "hsplit", "vsplit", "dsplit", "split_with_sizes"}
_ALIAS_ATTRS = {"data", "T", "mT", "H", "mH", "real", "imag"}
_AUG = {
    cst.AddAssign: cst.Add, cst.SubtractAssign: cst.Subtract, cst.MultiplyAssign: cst.Multiply,
    cst.DivideAssign: cst.Divide, cst.FloorDivideAssign: cst.FloorDivide, cst.ModuloAssign: cst.Modulo,
    cst.PowerAssign: cst.Power, cst.MatrixMultiplyAssign: cst.MatrixMultiply, cst.BitAndAssign: cst.BitAnd,
    cst.BitOrAssign: cst.BitOr, cst.BitXorAssign: cst.BitXor, cst.LeftShiftAssign: cst.LeftShift,
    cst.RightShiftAssign: cst.RightShift,
}
_ATOMIC = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.Integer, cst.Float, cst.Imaginary,
           cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.List, cst.Tuple, cst.Dict, cst.Set)


def _knowledge():
    from ..knowledge import load

    return load()


def _dotted(node) -> Optional[str]:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


def _root(node):
    while isinstance(node, cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


class _Imports(cst.CSTVisitor):
    """Names bound to modules (``torch``, ``F``, ``nn``...) and what they are."""

    def __init__(self):
        self.modules: dict = {}

    def visit_Import(self, node):
        for a in node.names:
            full = _dotted(a.name)
            if a.asname is not None and isinstance(a.asname.name, cst.Name):
                self.modules[a.asname.name.value] = full
            elif full:
                self.modules[full.split(".")[0]] = full.split(".")[0]

    def visit_ImportFrom(self, node):
        if node.relative or isinstance(node.names, cst.ImportStar) or node.module is None:
            return
        base = _dotted(node.module)
        for a in node.names:
            name = a.name.value if isinstance(a.name, cst.Name) else None
            if name is None:
                continue
            bound = a.asname.name.value if a.asname is not None and isinstance(a.asname.name, cst.Name) else name
            self.modules[bound] = f"{base}.{name}"


class _Planner:
    def __init__(self, source: str, path: str):
        self.path = path
        self.source = source
        self.module = cst.parse_module(source)
        self.wrapper = MetadataWrapper(self.module, unsafe_skip_copy=True)
        self.pos = self.wrapper.resolve(PositionProvider)
        self.parent = self.wrapper.resolve(ParentNodeProvider)
        imports = _Imports()
        self.module.visit(imports)
        self.imports = imports.modules
        self.by_span: dict = {}
        self.by_start: dict = {}
        for node, r in self.pos.items():
            if isinstance(node, (cst.Call, cst.AugAssign)):
                key = (r.start.line, r.start.column + 1, r.end.line, r.end.column + 1)
                self.by_span.setdefault(key, node)
                if isinstance(node, cst.Call):
                    self.by_start.setdefault((r.start.line, r.start.column + 1), node)
        self.kn = _knowledge()

    # ------------------------------------------------------------ helpers
    def code(self, node) -> str:
        return self.module.code_for_node(node)

    def edit(self, node, text) -> Edit:
        r = self.pos[node]
        return Edit(r.start.line, r.start.column + 1, r.end.line, r.end.column + 1, text)

    def statement_of(self, node):
        """The Expr/Assign statement whose value is exactly ``node`` (no parentheses), else None."""
        p = self.parent.get(node)
        if isinstance(p, (cst.Expr, cst.Assign)) and p.value is node and not getattr(node, "lpar", ()):
            if isinstance(self.parent.get(p), cst.SimpleStatementLine):
                return p
        return None

    def _module_name(self, dotted: Optional[str]) -> Optional[str]:
        if not dotted:
            return None
        head, _, rest = dotted.partition(".")
        full = self.imports.get(head)
        if full is None:
            return None
        return f"{full}.{rest}" if rest else full

    def _is_plain_target(self, node) -> bool:
        return _dotted(node) is not None and _root(node) not in self.imports

    def _function_twin(self, func) -> Optional[str]:
        """``F.relu_`` -> ``relu`` when torch has the out-of-place function."""
        dotted = _dotted(func)
        if not dotted or not dotted.endswith("_") or dotted.endswith("__"):
            return None
        prefix, _, name = dotted.rpartition(".")
        mod = self._module_name(prefix) if prefix else None
        if prefix and mod is None:
            return None
        if not prefix:  # from torch.nn.functional import relu_
            full = self.imports.get(name)
            if not full:
                return None
            mod, _, name = full.rpartition(".")
        twin = name[:-1]
        if name in _NO_TWIN or mod not in ("torch", "torch.nn.functional", "torch.special", "torch.linalg"):
            return None
        if self.kn.function(f"{mod}.{name}") is None or self.kn.function(f"{mod}.{twin}") is None:
            return None
        return twin

    def _method_twin(self, name: str) -> Optional[str]:
        if not name.endswith("_") or name.endswith("__") or name in _NO_TWIN:
            return None
        info, twin = self.kn.method(name), self.kn.method(name[:-1])
        if info is None or not info.get("inplace") or twin is None or twin.get("inplace"):
            return None
        return name[:-1]

    # ------------------------------------------------------------ alias analysis
    def _scope(self, node):
        p = self.parent.get(node)
        while p is not None and not isinstance(p, (cst.FunctionDef, cst.Lambda, cst.Module)):
            p = self.parent.get(p)
        return p if p is not None else self.module

    def _fresh(self, expr) -> bool:
        """The expression surely evaluates to a new tensor no other name refers to."""
        if isinstance(expr, (cst.BinaryOperation, cst.UnaryOperation)):
            return True
        if isinstance(expr, cst.IfExp):
            return self._fresh(expr.body) and self._fresh(expr.orelse)
        if isinstance(expr, cst.Call):
            func = expr.func
            if isinstance(func, cst.Attribute):
                name = func.attr.value
                mod = self._module_name(_dotted(func.value))
                info = self.kn.function(f"{mod}.{name}") if mod else self.kn.method(name)
                if name.endswith("_") and not name.endswith("__"):
                    return False  # in-place ops return their input
                if info is not None and (info.get("view") or info.get("maybe_alias") or info.get("inplace")):
                    return False
                if mod is None and name in ("to", "type", "type_as", "contiguous", "cuda", "cpu", "float",
                                            "double", "half", "bfloat16", "view", "view_as", "reshape",
                                            "expand", "expand_as", "detach", "__getitem__"):
                    return False
            elif isinstance(func, cst.Name):
                full = self.imports.get(func.value)
                if full:
                    mod, _, name = full.rpartition(".")
                    info = self.kn.function(full)
                    if name.endswith("_") or (info and (info.get("view") or info.get("maybe_alias"))):
                        return False
            return True
        return False

    def _aliases(self, expr, name) -> bool:
        """The value of ``expr`` may share storage with the tensor named ``name``."""
        if isinstance(expr, cst.Name):
            return expr.value == name
        if isinstance(expr, cst.Subscript):
            return self._aliases(expr.value, name)
        if isinstance(expr, cst.Attribute):
            return expr.attr.value in _ALIAS_ATTRS and self._aliases(expr.value, name)
        if isinstance(expr, (cst.Tuple, cst.List, cst.Set)):
            return any(self._aliases(e.value, name) for e in expr.elements)
        if isinstance(expr, cst.Dict):
            return any(isinstance(e, cst.DictElement) and self._aliases(e.value, name)
                       or isinstance(e, cst.StarredDictElement) and self._aliases(e.value, name)
                       for e in expr.elements)
        if isinstance(expr, (cst.StarredElement,)):
            return self._aliases(expr.value, name)
        if isinstance(expr, cst.IfExp):
            return self._aliases(expr.body, name) or self._aliases(expr.orelse, name)
        if isinstance(expr, cst.NamedExpr):
            return self._aliases(expr.value, name)
        if isinstance(expr, cst.Call):
            if self._fresh(expr):
                return False
            if isinstance(expr.func, cst.Attribute) and self._module_name(_dotted(expr.func.value)) is None:
                return self._aliases(expr.func.value, name)
            return any(self._aliases(a.value, name) for a in expr.args[:1])
        return False

    def _bindings_ok(self, scope, name, skip) -> tuple:
        """(every binding of ``name`` in ``scope`` is fresh, some binding exists, nothing else aliases it)."""
        ok, found = True, False
        planner = self

        class V(cst.CSTVisitor):
            def visit_FunctionDef(self, node):
                return node is scope

            def visit_ClassDef(self, node):
                return False

            def visit_Lambda(self, node):
                return node is scope

            def visit_Global(self, node):
                nonlocal ok
                if any(n.name.value == name for n in node.names):
                    ok = False

            def visit_Nonlocal(self, node):
                self.visit_Global(node)

            def visit_Assign(self, node):
                nonlocal ok, found
                for t in node.targets:
                    tgt = t.target
                    if isinstance(tgt, cst.Name) and tgt.value == name:
                        found = True
                        if not planner._fresh(node.value):
                            ok = False
                    elif isinstance(tgt, (cst.Tuple, cst.List)) and any(
                            isinstance(e.value, cst.Name) and e.value.value == name for e in tgt.elements):
                        found = True
                        if not planner._fresh_pieces(node.value):
                            ok = False
                    elif _binds(tgt, name):
                        ok = False
                if node is not skip and planner._aliases(node.value, name) and not all(
                        isinstance(t.target, cst.Name) and t.target.value == name for t in node.targets):
                    ok = False

            def visit_AnnAssign(self, node):
                nonlocal ok, found
                if isinstance(node.target, cst.Name) and node.target.value == name and node.value is not None:
                    found = True
                    if not planner._fresh(node.value):
                        ok = False
                elif node.value is not None and planner._aliases(node.value, name):
                    ok = False

            def visit_AugAssign(self, node):
                if node is not skip and not (isinstance(node.target, cst.Name) and node.target.value == name):
                    if planner._aliases(node.value, name):
                        self._bad()

            def visit_NamedExpr(self, node):
                if _binds(node.target, name) or planner._aliases(node.value, name):
                    self._bad()

            def visit_For(self, node):
                if _binds(node.target, name) or planner._aliases(node.iter, name):
                    self._bad()

            def visit_CompFor(self, node):
                if _binds(node.target, name) or planner._aliases(node.iter, name):
                    self._bad()

            def visit_WithItem(self, node):
                if node.asname is not None and _binds(node.asname.name, name):
                    self._bad()

            def visit_Yield(self, node):
                if node.value is not None and planner._aliases(node.value, name):
                    self._bad()

            def visit_Param(self, node):
                if node.name.value == name and self._in_scope_params(node):
                    self._bad()

            def _in_scope_params(self, node):
                p = planner.parent.get(node)
                while p is not None and not isinstance(p, (cst.FunctionDef, cst.Lambda)):
                    p = planner.parent.get(p)
                return p is scope

            def _bad(self):
                nonlocal ok
                ok = False

        scope.visit(V())
        return ok, found

    def _fresh_pieces(self, expr) -> bool:
        """``a, b = <fresh>.chunk(2)``: disjoint views of a temporary no name refers to."""
        if not isinstance(expr, cst.Call):
            return False
        func = expr.func
        if isinstance(func, cst.Attribute) and func.attr.value in _MULTI_VIEW:
            mod = self._module_name(_dotted(func.value))
            if mod is None:
                return self._fresh(func.value)
            return bool(expr.args) and self._fresh(expr.args[0].value)
        return False

    def safe_target(self, target, stmt) -> bool:
        if not isinstance(target, cst.Name):
            return False  # self.h, obj.buf: other references to the object see the attribute
        scope = self._scope(stmt)
        ok, found = self._bindings_ok(scope, target.value, stmt)
        return ok and found

    # ------------------------------------------------------------ fixes
    def fix_for(self, f) -> Optional[Fix]:
        if any(r.path and r.message.startswith("modified in place here") for r in f.related):
            return None  # the write is in another file of the project: nothing to rewrite here
        node = self.by_span.get((f.line, f.column, f.end_line, f.end_column))
        if isinstance(node, cst.AugAssign):
            return self._fix_augassign(node)
        if isinstance(node, cst.Call):
            kw = _inplace_kw(node)
            if kw is not None:
                return self._fix_inplace_kw(node, kw)
            fx = self._fix_inplace_call(node)
            if fx is not None:
                return fx
        for rel in f.related:  # an nn.Module built with inplace=True: fix the constructor
            if rel.path is None and "constructed here" in rel.message:
                ctor = self.by_start.get((rel.line, rel.column))
                if ctor is not None and _inplace_kw(ctor) is not None:
                    return self._fix_constructor(ctor, node)
        return None

    def _fix_augassign(self, node):
        if not isinstance(self.parent.get(node), cst.SimpleStatementLine) or type(node.operator) not in _AUG:
            return None
        target = node.target
        if not self._is_plain_target(target):
            return None
        value = node.value
        if not isinstance(value, _ATOMIC) or getattr(value, "lpar", ()):
            value = value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]) if not getattr(
                value, "lpar", ()) else value
        op = _AUG[type(node.operator)]()
        binop = cst.BinaryOperation(left=target, operator=op, right=value)
        new = cst.Assign(targets=[cst.AssignTarget(target=target)], value=binop)
        text = self.code(new)
        return Fix(f"rewrite `{self.code(node).strip()}` as `{text.strip()}`", (self.edit(node, text),),
                   self.safe_target(target, node))

    def _fix_inplace_call(self, call):
        stmt = self.statement_of(call)
        if not isinstance(stmt, cst.Expr) or not isinstance(call.func, (cst.Attribute, cst.Name)):
            return None
        func = call.func
        twin = self._function_twin(func)
        if twin is not None:
            if not call.args or call.args[0].keyword is not None or call.args[0].star:
                return None
            target = call.args[0].value
            new_func = func.with_changes(attr=cst.Name(twin)) if isinstance(func, cst.Attribute) else None
            if new_func is None:  # bare imported name: relu_(x) -> relu is not imported; leave it
                return None
        else:
            if not isinstance(func, cst.Attribute):
                return None
            twin = self._method_twin(func.attr.value)
            target = func.value
            if twin is None or self._module_name(_dotted(target)) is not None:
                return None
            new_func = func.with_changes(attr=cst.Name(twin))
        if not self._is_plain_target(target):
            return None  # x.sub_(a).div_(b), t[0].mul_(2), f(x).add_(1): not fixable
        new = cst.Assign(targets=[cst.AssignTarget(target=target)], value=call.with_changes(func=new_func))
        text = self.code(new)
        return Fix(f"rewrite `{self.code(call)}` as `{text}`", (self.edit(call, text),),
                   self.safe_target(target, stmt))

    def _fix_inplace_kw(self, call, kw):
        off = self.edit(kw.value, "False")
        stmt = self.statement_of(call)
        positional = [a for a in call.args if a.keyword is None and not a.star]
        target = positional[0].value if positional else None
        if isinstance(stmt, cst.Assign):
            same = (target is not None and len(stmt.targets) == 1
                    and self._is_plain_target(target) and _dotted(stmt.targets[0].target) == _dotted(target))
            safe = same and self.safe_target(target, stmt)
            return Fix("pass inplace=False", (off,), safe)
        if isinstance(stmt, cst.Expr):
            if target is None or not self._is_plain_target(target):
                return None
            new_call = call.with_changes(args=[a.with_changes(value=cst.Name("False")) if a is kw else a
                                               for a in call.args])
            new = cst.Assign(targets=[cst.AssignTarget(target=target)], value=new_call)
            text = self.code(new)
            return Fix(f"rewrite as `{text}`", (self.edit(call, text),), self.safe_target(target, stmt))
        return Fix("pass inplace=False (the input keeps its old value)", (off,), False)

    def _fix_constructor(self, ctor, site):
        kw = _inplace_kw(ctor)
        safe = isinstance(site, cst.Call) and self.statement_of(site) is None or isinstance(
            self.statement_of(site), cst.Assign)
        # The module may be called elsewhere for its side effect only: `self.act(h)` as a statement.
        holder = self.parent.get(self.parent.get(ctor))
        owner = None
        p = self.parent.get(ctor)
        if isinstance(p, cst.Assign) and len(p.targets) == 1:
            owner = _dotted(p.targets[0].target)
        elif isinstance(holder, cst.Assign) and len(holder.targets) == 1:
            owner = _dotted(holder.targets[0].target)
        if owner is not None:
            attr = owner.rpartition(".")[2]
            for node in self.pos:
                if isinstance(node, cst.Expr) and isinstance(node.value, cst.Call):
                    d = _dotted(node.value.func)
                    if d is not None and d.rpartition(".")[2] == attr:
                        safe = False
        return Fix("construct the module with inplace=False", (self.edit(kw.value, "False"),), safe)


def _binds(target, name) -> bool:
    if isinstance(target, cst.Name):
        return target.value == name
    if isinstance(target, (cst.Tuple, cst.List)):
        return any(_binds(e.value, name) for e in target.elements)
    if isinstance(target, cst.StarredElement):
        return _binds(target.value, name)
    return False


def _inplace_kw(call):
    for a in call.args:
        if a.keyword is not None and a.keyword.value == "inplace" and isinstance(a.value, cst.Name) \
                and a.value.value == "True":
            return a
    return None


# ---------------------------------------------------------------- planning and applying
def plan_fixes(result) -> list:
    """Attach a ``Fix`` to each fixable finding of ``result``; return the per-line findings that got
    one (a grouped finding's members each count: see ``grouping``; the group carries all their
    edits when every member has an equally safe fix)."""
    if result.source is None or result.path.endswith(".ipynb"):
        return []
    wanted = [f for f in result.findings if f.code in FIXABLE_CODES and f.severity in (ERROR, WARNING)
              and f.cell is None]
    if not wanted:
        return []
    planner = _Planner(result.source, result.path)
    out = []
    for g in wanted:
        for f in g.group or (g,):
            fx = f.fix if f.fix is not None else planner.fix_for(f)
            if fx is not None:
                f.fix = fx
                out.append(f)
        if g.group:
            g.fix = grouping.group_fix(g.group)
    return out


def _line_starts(text):
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return starts


def apply_edits(text: str, edits) -> str:
    """Apply non-overlapping edits (1-based, end exclusive); an edit overlapping an earlier-kept one is dropped."""
    starts = _line_starts(text)

    def off(line, col):
        return starts[line - 1] + col - 1

    spans = []
    for e in edits:
        a, b = off(e.line, e.column), off(e.end_line, e.end_column)
        if any(a < y and x < b or (a, b) == (x, y) for x, y, _ in spans):
            continue
        spans.append((a, b, e.replacement))
    for a, b, rep in sorted(spans, reverse=True):
        text = text[:a] + rep + text[b:]
    return text


def _read_back(path):
    """(text without BOM, encoding, bom) of the file now on disk."""
    with open(path, "rb") as fh:
        raw = fh.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    text = raw[3:].decode(encoding) if bom else raw.decode(encoding)
    return text, encoding, bom


def rewrite(path: str, checked: str, new: str):
    """Write ``new`` over ``path`` in its own encoding and BOM, unless the file no longer
    holds ``checked`` (the text the findings are about).  Returns why not, or None."""
    try:
        current, encoding, bom = _read_back(path)
        if current != checked:
            return "the file changed since it was checked"
        write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + new.encode(encoding))
    except (OSError, SyntaxError, LookupError, UnicodeError) as e:
        return str(e)
    return None


def write_atomic(path: str, data: bytes):
    """Give the file ``path`` names the content ``data``, losing nothing.

    A symlink is followed: the file it points to gets the content and the
    link stays a link.  Owner, group and permission bits are kept.  Normally
    the content goes to a temporary file in the same folder that then
    replaces the file (``os.replace``: atomic, a crash leaves the old or the
    new file, never half of one).  A file with other hard links, or one whose
    owner this process cannot give to a new file, is instead rewritten in
    place, so that every name keeps sharing one inode: first a backup copy is
    written and read back, and if the rewrite fails the backup is put back.
    """
    real = os.path.realpath(path)
    st = os.stat(real)
    if st.st_nlink > 1 or not _replace(real, data, st):
        _rewrite_in_place(real, data, st)


def _temporary(real, data, st):
    """A temporary file next to ``real`` holding ``data``, flushed to disk."""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(real), prefix=f".{os.path.basename(real)}.",
                               suffix=".ipl-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _replace(real, data, st):
    """Atomic replacement; False (nothing changed) when the owner cannot be kept."""
    tmp = _temporary(real, data, st)
    try:
        tst = os.stat(tmp)
        if (tst.st_uid, tst.st_gid) != (st.st_uid, st.st_gid):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                _unlink(tmp)
                return False
            os.chmod(tmp, stat.S_IMODE(st.st_mode))  # chown clears set-id bits
        os.replace(tmp, real)
    except BaseException:
        _unlink(tmp)
        raise
    _sync_folder(os.path.dirname(real))
    return True


def _rewrite_in_place(real, data, st):
    with open(real, "rb") as fh:
        old = fh.read()
    backup = _temporary(real, old, st)
    try:
        with open(backup, "rb") as fh:
            if fh.read() != old:
                raise OSError(f"cannot verify the backup copy {backup}")
        try:
            _overwrite(real, data)
        except BaseException:
            _overwrite(real, old)  # put the original text back
            raise
        with open(real, "rb") as fh:
            if fh.read() != data:
                _overwrite(real, old)
                raise OSError(f"the rewritten {real} does not read back as written")
    finally:
        _unlink(backup)


def _overwrite(real, data):
    with open(real, "r+b") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _sync_folder(folder):
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path):
    try:
        os.unlink(path)
    except OSError:
        pass


def apply_fixes(results, write: bool, unsafe: bool, diff_stream=None, err=None) -> int:
    """Fix what can be fixed; return how many files changed (or, without ``write``, would change).

    ``diff_stream``: write a unified diff there.  With ``write``, fixed findings
    are removed from the results (what is left is what still needs a hand).
    """
    err = err if err is not None else sys.stderr
    changed = 0
    held_back = 0
    for r in results:
        if r.problem is not None or not r.findings:
            continue
        try:
            fixable = plan_fixes(r)
        except Exception as e:  # a fixer bug must not stop the other files
            err.write(f"inplace-lint: fix: skipped {r.path}: internal error: {type(e).__name__}: {e}\n")
            continue
        chosen = [f for f in fixable if f.fix.safe or unsafe]
        held_back += len(fixable) - len(chosen)
        if not chosen:
            continue
        new = apply_edits(r.source, [e for f in chosen for e in f.fix.edits])
        if new == r.source:
            continue
        try:
            cst.parse_module(new)
        except Exception as e:
            err.write(f"inplace-lint: fix: skipped {r.path}: the fixed code does not parse "
                      f"({type(e).__name__}); please report this\n")
            continue
        if diff_stream is not None:
            diff_stream.writelines(difflib.unified_diff(
                r.source.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{r.path}", f"b/{r.path}"))
        if write:
            why = rewrite(r.path, r.source, new)
            if why is not None:
                err.write(f"inplace-lint: fix: skipped {r.path}: {why}\n")
                continue
            r.findings = grouping.without(r.findings, {id(f) for f in chosen})
            r.source = new
        changed += 1
    if held_back:
        err.write(f"inplace-lint: {held_back} more fix(es) available with --unsafe-fixes\n")
    return changed
