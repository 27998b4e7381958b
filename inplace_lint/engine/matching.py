"""``match`` statements, run as the ``if``/``elif`` chain they amount to.

The subject is evaluated once into a hidden name; each ``case`` becomes a test on
it (``case "relu":`` is ``subject == "relu"``, ``case A | B:`` an ``or`` of those,
a guard is ``and``-ed on) and its captures become assignments at the start of its
body.  Patterns the engine cannot test (classes, sequences, mappings) give an
unknown test, so their body is one possible path.  An irrefutable case (``case _:``,
``case x:``) is the final ``else``; cases after it never run.
"""
from __future__ import annotations

import libcst as cst

SUBJECT = "__match_subject__"
UNKNOWN = "__match_unknown__"  # never bound: evaluates to an unknown value


def desugar(node: cst.Match):
    """(the statement binding the subject, the ``If`` chain) for a ``match`` statement."""
    bind = cst.SimpleStatementLine(body=[cst.Assign(targets=[cst.AssignTarget(target=cst.Name(SUBJECT))],
                                                    value=node.subject)])
    chain = None
    for case in reversed(list(_reachable(node.cases))):
        test = _test(case.pattern)
        if case.guard is not None:
            test = case.guard if test is None else cst.BooleanOperation(left=test, operator=cst.And(),
                                                                        right=case.guard)
        body = cst.IndentedBlock(body=_bindings(case.pattern) + list(case.body.body))
        if test is None:  # irrefutable: what runs when no earlier case matched
            chain = cst.Else(body=body)
        else:
            chain = cst.If(test=test, body=body, orelse=chain)
    if chain is None or type(chain) is cst.Else:
        # only an irrefutable case (or none): its body always runs
        chain = cst.If(test=cst.Name("True"), body=chain.body if chain is not None else cst.IndentedBlock(body=[]))
    return bind, chain


def _reachable(cases):
    for case in cases:
        yield case
        if case.guard is None and _test(case.pattern) is None:
            return


def _subject():
    return cst.Name(SUBJECT)


def _test(p):
    """The test a pattern amounts to, or None when it always matches."""
    if type(p) is cst.MatchAs:
        return None if p.pattern is None else _test(p.pattern)
    if type(p) is cst.MatchValue:
        return cst.Comparison(left=_subject(), comparisons=[cst.ComparisonTarget(operator=cst.Equal(),
                                                                                  comparator=p.value)])
    if type(p) is cst.MatchSingleton:
        return cst.Comparison(left=_subject(), comparisons=[cst.ComparisonTarget(operator=cst.Is(),
                                                                                  comparator=p.value)])
    if type(p) is cst.MatchOr:
        tests = [_test(e.pattern) for e in p.patterns]
        if any(t is None for t in tests):
            return None
        out = tests[0]
        for t in tests[1:]:
            out = cst.BooleanOperation(left=out, operator=cst.Or(), right=t)
        return out
    return cst.Name(UNKNOWN)


def _bindings(p):
    """``name = subject`` for a capture of the whole subject, ``name = <unknown>`` for one of a part."""
    out = []

    def assign(name, whole):
        out.append(cst.SimpleStatementLine(body=[cst.Assign(targets=[cst.AssignTarget(target=cst.Name(name))],
                                                            value=_subject() if whole else cst.Name(UNKNOWN))]))

    def walk(q, whole):
        if type(q) is cst.MatchAs:
            if q.name is not None:
                assign(q.name.value, whole)
            if q.pattern is not None:
                walk(q.pattern, whole)
        elif type(q) is cst.MatchOr:
            for e in q.patterns:
                walk(e.pattern, False)
        elif type(q) is cst.MatchStar:
            if q.name is not None:
                assign(q.name.value, False)
        elif isinstance(q, cst.MatchSequence):
            for e in q.patterns:
                walk(e.value if type(e) is cst.MatchSequenceElement else e, False)
        elif type(q) is cst.MatchMapping:
            for e in q.elements:
                walk(e.pattern, False)
            if q.rest is not None:
                assign(q.rest.value, False)
        elif type(q) is cst.MatchClass:
            for e in list(q.patterns) + list(q.kwds):
                walk(e.pattern, False)
    walk(p, True)
    return out
