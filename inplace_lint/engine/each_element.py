"""Writes a loop makes to every element it visits.

``for m in model.modules(): if isinstance(m, nn.ReLU): m.inplace = True`` assigns
the flag to each ReLU in turn.  The loop variable is one value standing for all
the elements (an ``Alt``), and a write to "one of several" is normally only a
possibility; but a write that runs in every iteration, held back only by type
tests on the loop variable (which the interpreter narrows the variable by), is a
write to each element that passes the tests: certain for each.

    writes = every_iteration_writes(for_node)  # ids of ``<var>.<attr>`` targets
"""
from __future__ import annotations

import libcst as cst

# tests that only ask what type the loop variable has (or whether it has an attribute)
TYPE_TESTS = ("isinstance", "hasattr")


def every_iteration_writes(loop: cst.For) -> frozenset:
    """The ids of the ``var.attr`` assignment targets in ``loop``'s body that run for
    every element that passes the type tests on the way to them (``var`` is the loop
    variable); empty when the body can leave an iteration early."""
    if type(loop.target) is not cst.Name or loop.orelse is not None:
        return frozenset()
    var = loop.target.value
    jumps = _Jumps()
    loop.body.visit(jumps)
    if jumps.found:
        return frozenset()
    out = set()
    _collect(loop.body, var, out, frozenset())
    return frozenset(out)


def _collect(block, var, out, has):
    """``has``: the attribute names that ``hasattr`` tests on the way here ask for.
    The interpreter cannot narrow by them, so they only count when they name the
    attribute written (``if hasattr(m, "inplace"): m.inplace = True``)."""
    for stmt in _statements(block):
        if type(stmt) is cst.SimpleStatementLine:
            for small in stmt.body:
                if type(small) is cst.Assign:
                    for t in small.targets:
                        tgt = t.target
                        if type(tgt) is cst.Attribute and type(tgt.value) is cst.Name and \
                                tgt.value.value == var and has <= {tgt.attr.value}:
                            out.add(id(tgt))
        elif type(stmt) is cst.If:
            tests = [stmt.test]
            orelse = stmt.orelse
            while type(orelse) is cst.If:  # elif
                tests.append(orelse.test)
                orelse = orelse.orelse
            found = [_type_test(t, var) for t in tests]
            if any(f is None for f in found):
                continue  # a test on something else: the branches may or may not run
            arm, earlier = stmt, frozenset()
            for names in found:
                if earlier:
                    break  # run by elements that failed a hasattr test: not narrowed
                _collect(arm.body, var, out, has | names)
                earlier |= names
                arm = arm.orelse
            else:
                if type(arm) is cst.Else and not earlier:
                    _collect(arm.body, var, out, has)


def _statements(block):
    if type(block) is cst.IndentedBlock:
        return block.body
    if type(block) is cst.SimpleStatementSuite:
        return [cst.SimpleStatementLine(body=block.body)]
    return ()


def _type_test(test, var):
    """For ``isinstance(var, ...)`` / ``hasattr(var, "...")``, negated or combined with
    and/or (true for exactly the elements of certain types): the attribute names the
    hasattr tests ask for.  None for any other test."""
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        inner = _type_test(test.expression, var)
        return None if inner else inner  # "lacks the attribute" cannot be narrowed by
    if type(test) is cst.BooleanOperation:
        a, b = _type_test(test.left, var), _type_test(test.right, var)
        return None if a is None or b is None else a | b
    if type(test) is cst.Call and type(test.func) is cst.Name and test.func.value in TYPE_TESTS:
        args = test.args
        if len(args) != 2 or any(a.keyword or a.star for a in args) or \
                not (type(args[0].value) is cst.Name and args[0].value.value == var):
            return None
        if test.func.value == "isinstance":
            return frozenset()
        name = args[1].value
        if type(name) is cst.SimpleString and isinstance(name.evaluated_value, str):
            return frozenset([name.evaluated_value])
    return None


class _Jumps(cst.CSTVisitor):
    """Whether a body can end an iteration before its last statement (not counting
    nested functions and classes, nor loops nested inside that break themselves)."""

    def __init__(self):
        self.found = False
        self.loops = 0

    def visit_FunctionDef(self, node):
        return False

    def visit_ClassDef(self, node):
        return False

    def visit_Lambda(self, node):
        return False

    def visit_For(self, node):
        self.loops += 1

    def leave_For(self, node):
        self.loops -= 1

    def visit_While(self, node):
        self.loops += 1

    def leave_While(self, node):
        self.loops -= 1

    def visit_Break(self, node):
        self.found = self.found or not self.loops

    def visit_Continue(self, node):
        self.found = self.found or not self.loops

    def visit_Return(self, node):
        self.found = True

    def visit_Raise(self, node):
        self.found = True

    def visit_Yield(self, node):
        self.found = True
