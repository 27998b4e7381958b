"""Shortcuts taken for speed that must answer exactly as what they replace."""
from __future__ import annotations

import os
import time

import libcst as cst
import pytest

from inplace_lint.engine import known_constants
from inplace_lint.engine.inert import _is_node
from inplace_lint.engine.project import ProjectIndex

EXACT_TYPE_SETS = ("_LITERALS", "_ACCESSES", "_DISPLAYS", "_IDENTITY", "_MEMBERSHIP", "_NAMED")


def _subclasses(cls):
    out = []
    for s in cls.__subclasses__():
        out += [s] + _subclasses(s)
    return out


@pytest.mark.parametrize("name", EXACT_TYPE_SETS)
def test_node_kinds_tested_by_exact_type_have_no_subclasses(name):
    # ``type(node) in KINDS`` answers as ``isinstance(node, KINDS)`` only for final classes
    for cls in getattr(known_constants, name):
        assert _subclasses(cls) == [], cls


def test_is_node_answers_as_isinstance():
    module = cst.parse_module("x = f(a, *b, k=1)[0].y\nif a is not None: pass\n")
    values = [module, module.body[0], module.body[0].body[0].value, cst.Name("n"), None, 1, "s", (), [],
              cst.MaybeSentinel.DEFAULT, cst.Param(cst.Name("p"))]
    for v in values * 2:  # (the second time from the per-type memo)
        assert _is_node(v) is isinstance(v, cst.CSTNode), v


def test_stamps_taken_once_per_checked_file_unless_the_index_lives_for_one_run(tmp_path):
    f = tmp_path / "m.py"
    f.write_text("x = 1\n")
    idx = ProjectIndex([str(tmp_path)])
    idx.begin_file()
    first = idx.stamp(str(f))
    assert first is not None
    time.sleep(0.01)
    f.write_text("x = 2  # longer\n")
    assert idx.stamp(str(f)) == first  # (the same file's check: one stat)
    idx.begin_file()
    assert idx.stamp(str(f)) != first  # (the next file's check sees the edit)
    run = ProjectIndex([str(tmp_path)])
    run.one_run = True
    run.begin_file()
    kept = run.stamp(str(f))
    os.remove(f)
    run.begin_file()
    assert run.stamp(str(f)) == kept
