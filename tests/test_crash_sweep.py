"""A crash sweep: generated programs, checked in-process.

Every program is valid Python.  The linter must let no exception escape and
must give each file either a full analysis or a per-file note saying why not
(never "internal error").  Seeded, so a failure reproduces; ``bench/sweep.py``
runs the long version (thousands of programs, the standard library, corpora).
"""
import ast
import os
import sys
import warnings

import hypothesmith
from hypothesis import HealthCheck, given, settings

from inplace_lint.runner import check_parsed

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_programs  # noqa: E402  (a helper next to this file)

TORCH_PROGRAMS = 60
HYPOTHESMITH_PROGRAMS = 100  # generating them is what costs (hypothesmith is slow past the first hundred)


def _checked(source, path):
    """Parse, analyse, judge; the outcome must be findings or an honest note."""
    r = check_parsed(source, path)  # raises if anything escapes
    if r.problem is not None:
        assert not r.problem.message.startswith("internal error"), r.problem
        assert r.problem.kind == "note" or r.problem.message.startswith(("syntax error", "cannot parse")), \
            r.problem
    return r


def test_torch_shaped_programs():
    found = 0
    for seed in range(TORCH_PROGRAMS):
        src = torch_programs.program(seed, statements=6, max_depth=2)
        ast.parse(src)  # the generator makes valid code
        r = _checked(src, f"torch_{seed}.py")
        assert r.problem is None, (seed, r.problem)  # small programs are analysed to the end
        found += len(r.findings)
    assert found > TORCH_PROGRAMS  # the programs do exercise the rules


@settings(max_examples=HYPOTHESMITH_PROGRAMS, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_grammar())
def test_hypothesmith_programs(source):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings of generated nonsense like ``0()``
            compile(source, "<gen>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return  # the grammar admits a few programs CPython rejects; only valid code counts here
    _checked(source, "hypothesmith.py")
