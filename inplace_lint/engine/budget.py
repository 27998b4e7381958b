"""Bounds on the work one file may cost the interpreter.

The abstract interpretation is exact enough to be useful and cheap on real
code, but generated or pathological code can make it explode: loops nested
80 deep (every loop body runs twice), thousands of statements inlined through
call chains, expressions nested deeper than Python's stack.  Every such case
ends in ``Incomplete``: the events found up to that point are kept (they are a
prefix of what the full analysis would have found, so no finding is wrong) and
the file gets a note that the rest of it was not analysed.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager

# Loops nested deeper than this run their body once instead of twice (a save
# late in one iteration against a mutation early in the next is then only
# seen for the outer loops); without it the cost is 2 ** depth.
TWO_PASS_LOOP_DEPTH = 4
# Statements interpreted per file, as a multiple of the inlining budget (past
# that budget calls are no longer inlined, so the rest costs about one visit
# per statement and loop pass).
HARD_BUDGET_FACTOR = 25
MIN_HARD_BUDGET = 1_000_000
# Python frames the interpreter may use: deeply nested code (a 500-term sum,
# 3,000 elifs) is walked iteratively where that is simple, and ends as
# ``Incomplete`` where it is not.
RECURSION_LIMIT = 10000


class Incomplete(Exception):
    """The analysis of a file stopped early; ``line`` is where (0: unknown)."""

    def __init__(self, reason, line=0):
        super().__init__(reason)
        self.reason = reason
        self.line = line


class Events(list):
    """The engine's events, plus ``incomplete`` (an ``Incomplete`` or None)."""

    incomplete = None


def hard_budget(soft_budget):
    return 0 if _expired else max(MIN_HARD_BUDGET, HARD_BUDGET_FACTOR * soft_budget)


# A time limit (the checking worker's timer, see ``inplace_lint.isolation``)
# stops the running analysis at its next statement: ``expire`` drops the
# interpreter's budget to zero, so the hot loop pays nothing for it.
_expired = False
_running = []


def expire():
    global _expired
    _expired = True
    for interp in _running:
        interp.hard_budget = 0


def reset():
    global _expired
    _expired = False


def expired():
    return _expired


def until_expired(events):
    """``events`` up to the time limit (judging them places positions, which
    costs as much as the analysis on files with thousands of findings)."""
    for ev in events:
        if _expired:
            return
        yield ev


def stop_reason(interp):
    return "time limit reached" if _expired else "work budget exhausted"


@contextmanager
def running(interp):
    _running.append(interp)
    try:
        yield
    finally:
        _running.remove(interp)


@contextmanager
def deeper_stack():
    """Allow the interpreter RECURSION_LIMIT frames for the duration (restored after)."""
    old = sys.getrecursionlimit()
    if old < RECURSION_LIMIT:
        sys.setrecursionlimit(RECURSION_LIMIT)
    try:
        yield
    finally:
        if old < RECURSION_LIMIT:
            sys.setrecursionlimit(old)
