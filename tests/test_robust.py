"""No input stops the scan: bounded analysis, per-file isolation, honest parse notes.

Every input here crashed, hung or ended as "internal error" before (issue 10).
"""
import json
import os
import signal
import subprocess
import sys
import time

import libcst as cst
import pytest

from inplace_lint import isolation
from inplace_lint.config import Config, ConfigError, load_config
from inplace_lint.engine import budget
from inplace_lint.engine.interpreter import Interpreter
from inplace_lint.findings import FileProblem
from inplace_lint.runner import FileResult, check_file, check_paths, check_source

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAVED = "import torch\nx = torch.ones(3, requires_grad=True)\ny = x.sigmoid()\n"


def _cli(*args, cwd, timeout=120):
    env = dict(os.environ, PYTHONPATH=REPO)
    return subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--no-cache", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=timeout)


def _clean(r: FileResult):
    """Analysed to the end: no problem, no note."""
    assert r.problem is None, r.problem
    return r


def _steps(source):
    interp = Interpreter(cst.parse_module(source))
    interp.run()
    return interp.steps


# ------------------------------------------------------------ bounded analysis
def test_cyclic_containers():
    src = "import torch\na = [torch.ones(2)]\nb = [torch.ones(2)]\na[0] = b\nb[0] = a\nfor x in a, b:\n    x.add_(1)\n"
    _clean(check_source(src, "c.py"))


def test_self_containing_containers_and_deep_literals():
    # what made CPython's test_pprint.py end as "internal error": containers that
    # contain themselves, joined at branches and loops, and deeply nested literals
    deep = "[" * 60 + "1" + "]" * 60
    src = SAVED + f"""
a = [1, 2]
a.append(a)
d = {{'k': 1}}
d['self'] = d
t = (a, d)
nested = {deep}
for i in range(3):
    if i:
        a = [a, nested]
    else:
        a = [[a], t]
    d['x'] = [d, a]
a[0] += 1
y.mul_(2)
"""
    r = _clean(check_source(src, "p.py"))
    assert [f.code for f in r.findings] == ["IPL001"]


def test_80_deep_loop_nest_is_linear_and_still_finds():
    src = SAVED
    indent = ""
    for i in range(80):
        src += f"{indent}for i{i} in range(2):\n"
        indent += " "
    src += indent + "y.mul_(2)\n"
    r = _clean(check_source(src, "loops.py"))
    assert [(f.code, f.severity) for f in r.findings] == [("IPL001", "error")]
    # past depth TWO_PASS_LOOP_DEPTH a body runs once: about 2 ** 4 visits per
    # statement, not 2 ** 80
    assert _steps(src) < 81 * 2 ** (budget.TWO_PASS_LOOP_DEPTH + 2)


def test_500_deep_call_chain():
    src = "import torch\n"
    for i in range(500):
        src += f"def f{i}(x):\n    return f{i + 1}(x).add_(1)\n"
    src += "def f500(x):\n    return x.sigmoid()\n"
    src += "f0(torch.ones(3, requires_grad=True))\n"
    r = _clean(check_source(src, "calls.py"))
    assert {f.code for f in r.findings} == {"IPL001"}


def test_huge_literal_table():
    rows = "".join(f"    ({i}, {i * 2}, 'name{i}', [{i}, {{'k': {i}}}]),\n" for i in range(1000))
    src = SAVED + "TABLE = [\n" + rows + "]\nTABLE[0] += 1\ny.mul_(2)\n"
    r = _clean(check_source(src, "table.py"))
    assert [f.code for f in r.findings] == ["IPL001"]


def test_generated_module_costs_work_linear_in_its_size():
    # the interpreter's work (statements visited) on a generated module grows
    # with its size, not faster (the 100k-line version is in bench/sweep.py)
    def module(n):
        return "import torch\n" + "".join(
            f"def g{i}(x):\n    y = x.sigmoid()\n    for j in range(3):\n        y.add_(j)\n"
            f"    return g{i - 1}(y) if {i} else y\n" for i in range(n))

    small, big = _steps(module(100)), _steps(module(400))
    assert big <= 4.4 * small


def test_pathological_if_ladders():
    elifs = SAVED + "if c:\n    pass\n" + "".join(f"elif c{i}:\n    x = x + {i}\n" for i in range(400))
    elifs += "y.mul_(2)\n"
    r = _clean(check_source(elifs, "elifs.py"))
    assert [f.code for f in r.findings] == ["IPL001"]
    ladder = SAVED + "".join(f"if c{i}:\n    z = y.exp()\nelse:\n    z = y.cos()\n" for i in range(600))
    ladder += "y.mul_(2)\n"
    r = _clean(check_source(ladder, "ladder.py"))
    assert [f.code for f in r.findings] == ["IPL001"]


def test_501_term_sum():
    src = SAVED + "s = " + " + ".join(["y"] * 501) + "\ny.mul_(2)\n"
    r = _clean(check_source(src, "sum.py"))
    assert [f.code for f in r.findings] == ["IPL001"]


def test_work_budget_ends_in_a_note_and_keeps_what_was_found(monkeypatch):
    monkeypatch.setattr(budget, "MIN_HARD_BUDGET", 50)
    monkeypatch.setattr(budget, "HARD_BUDGET_FACTOR", 0)
    src = SAVED + "y.mul_(2)\n" + "z = 1\n" * 100 + "w = torch.ones(2, requires_grad=True)\nw.add_(1)\n"
    r = check_source(src, "budget.py")
    assert [f.line for f in r.findings] == [4]  # found before the budget ran out
    assert r.problem.kind == "note"
    assert r.problem.message.startswith("analysis incomplete: work budget exhausted at line ")
    assert "the rest of the file was not analysed" in r.problem.message


def test_expired_time_limit_stops_the_analysis_with_a_note():
    budget.expire()
    try:
        r = check_source(SAVED + "y.mul_(2)\n", "t.py")
    finally:
        budget.reset()
    assert r.findings == [] and r.problem.kind == "note"
    assert r.problem.message.startswith("analysis incomplete: time limit reached")


def test_incomplete_is_a_note_not_a_failure(tmp_path, monkeypatch):
    # a note is printed but does not turn the exit status into 2
    (tmp_path / "v.py").write_text("import torch\n(x): int = 1\nx.add_(1)\n")
    r = _cli("v.py", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    # (libcst names the line where it gave up: the one after the parenthesised target)
    assert "v.py:3:1: note: cannot analyse: libcst cannot parse this valid file (line 3)" in r.stdout
    assert "1 file not fully analysed" in r.stdout


# ---------------------------------------------------- libcst vs CPython parsing
def test_valid_code_libcst_cannot_parse_is_a_note():
    # CPython accepts a parenthesised annotated target; libcst 1.0 does not
    # (and names the line where it gave up)
    r = check_source("import torch\n(pars): bool = True\npars.add_(1)\n", "ann.py")
    assert r.problem == FileProblem("ann.py", "cannot analyse: libcst cannot parse this valid file (line 3)", 3, 1,
                                    kind="note")


def test_invalid_code_gets_cpythons_message_and_position():
    r = check_source("import torch\nx = torch.ones(2)\nx.add_(1\n", "bad.py")
    assert r.problem.kind == "error"
    assert r.problem.message == "syntax error: '(' was never closed"
    assert (r.problem.line, r.problem.column) == (3, 7)


# ------------------------------------------------------------------ pre-scan
@pytest.mark.parametrize("text, needle", [
    ("x = " + "(" * 2000 + "1" + ")" * 2000 + "\nx.add_(1)\n", "brackets nested more than 150 deep at line 1"),
    ("x = " + "-" * 10000 + "1\nx.add_(1)\n", "more than 100 unary operators in a row at line 1"),
    ("x = " + "not " * 500 + "y\nx.add_(1)\n", "more than 100 unary operators in a row at line 1"),
    ("x = [" + "1, " * 333_334 + "]\nx.add_(1)\n", "line 1 is 1,000,008 characters long (the limit is 50,000)"),
    ("if c:\n    pass\n" + "elif c:\n    x.add_(1)\n" * 1500,
     "more than 1000 elif branches in one if statement (line 2003)"),
], ids=["parens", "minus", "not", "long-line", "elifs"])
def test_prescan_refuses_what_libcst_cannot_take(text, needle, tmp_path):
    p = tmp_path / "deep.py"
    p.write_text(text)
    r = check_file(str(p), Config())
    assert r.findings == [] and r.problem.kind == "error"
    assert r.problem.message == "not checked: " + needle


def test_prescan_ignores_strings_and_comments():
    text = ('"""\n' + "-" * 300 + "\n" + "(" * 400 + '\n"""\n# ' + "- " * 300 + "\n"
            + "s = '" + "[" * 300 + "'\n" + "t = not not x\nu = - - 1\n")
    assert isolation.prescan(text, "ok.py") is None


# ------------------------------------------------------- special files, worker
def test_fifo_in_a_scanned_folder_is_never_opened(tmp_path):
    (tmp_path / "ok.py").write_text(SAVED + "y.mul_(2)\n")
    os.mkfifo(tmp_path / "pipe.py")
    r = _cli(".", cwd=tmp_path, timeout=60)  # opening the FIFO would block forever
    assert r.returncode == 2
    assert "pipe.py:1:1: E902 not checked: a FIFO, not a regular file" in r.stdout
    assert "ok.py:4:1: IPL001" in r.stdout


def _segfault(text, path, *_):
    os.kill(os.getpid(), signal.SIGSEGV)


def _sleep(text, path, *_):
    time.sleep(60)


def _until_expired(text, path, *_):
    while not budget.expired():  # the limit counts CPU time: spend it
        pass
    return FileResult(path, [], FileProblem(path, "stopped in time", kind="note"), text)


def _spin(text, path, *_):
    while True:  # ignores the cooperative stop, as native code would
        pass


def _hog(text, path, *_):
    return bytearray(64 << 30)


def _check_ok():
    r = isolation.run(check_source, SAVED + "y.mul_(2)\n", "ok.py")
    assert [f.code for f in r.findings] == ["IPL001"] and r.source.endswith("y.mul_(2)\n")


def test_worker_is_used():
    assert isolation._get_worker() is not None


def test_a_crash_kills_only_the_worker():
    r = isolation.run(_segfault, "x = 1\n", "crash.py")
    assert r.problem.message == "not checked: the checking process crashed (SIGSEGV) on this file"
    _check_ok()  # a fresh worker takes the next file


def test_time_limit_stops_cooperatively_then_hard(monkeypatch):
    r = isolation.run(_until_expired, "x = 1\n", "slow.py", time_limit=0.2)
    assert r.problem.message == "stopped in time" and r.source == "x = 1\n"
    monkeypatch.setattr(isolation, "HARD_STOP_GRACE", 0.3)
    r = isolation.run(_spin, "x = 1\n", "spin.py", time_limit=0.2)  # killed by its CPU limit
    assert r.problem.message == "not checked: still running after the per-file time limit (0.2 s)"
    monkeypatch.setattr(isolation, "WALL_FACTOR", 1.0)
    r = isolation.run(_sleep, "x = 1\n", "hang.py", time_limit=0.2)  # no progress at all: killed by the clock
    assert r.problem.message == "not checked: still running after the per-file time limit (0.2 s)"
    _check_ok()


_SEEN_IN_THIS_WORKER = []


def _fails_in_a_used_worker(text, path, *_):
    # stands for a worker grown big on the files before: what it keeps lives in
    # its own memory, a fresh fork from the linter does not have it
    if _SEEN_IN_THIS_WORKER:
        os.abort()
    _SEEN_IN_THIS_WORKER.append(path)
    return FileResult(path, [], None, text)


def test_a_file_that_kills_a_used_worker_gets_a_fresh_one():
    isolation._get_worker().restart_with(None)
    assert isolation.run(_fails_in_a_used_worker, "x = 1\n", "first.py").problem is None
    r = isolation.run(_fails_in_a_used_worker, "x = 1\n", "second.py")  # aborts, then passes afresh
    assert r.problem is None and r.path == "second.py"
    r = isolation.run(_segfault, "x = 1\n", "crash.py")  # crashes in a fresh worker too: reported
    assert r.problem.message == "not checked: the checking process crashed (SIGSEGV) on this file"
    _check_ok()


def test_memory_guard():
    r = isolation.run(_hog, "x = 1\n", "hog.py")
    assert r.problem.message == "not checked: the analysis ran out of memory"
    _check_ok()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_scan_survives_a_libcst_segfault(tmp_path, jobs):
    # 3,000 nested parentheses inside an f-string pass the pre-scan (strings are
    # skipped) and make libcst's native parser overflow its stack
    (tmp_path / "crash.py").write_text('import torch\nx = f"{' + "(" * 3000 + "1" + ")" * 3000 + '}"\nx.add_(1)\n')
    for i in range(17):  # enough files for -j 2 to use its process pool
        (tmp_path / f"ok{i:02d}.py").write_text(SAVED + "y.mul_(2)\n")
    r = _cli("-j", jobs, ".", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "BrokenProcessPool" not in r.stderr
    assert "crash.py:1:1: E902 not checked: the checking process crashed (SIGSEGV) on this file" in r.stdout
    assert r.stdout.count(": IPL001 ") == 17


def test_file_time_limit_is_configurable(tmp_path):
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text("[tool.inplace-lint]\nfile-time-limit = 2.5\n")
    assert load_config([str(tmp_path)]).file_time_limit == 2.5
    for bad in ("true", "0", '"10"'):
        cfg.write_text(f"[tool.inplace-lint]\nfile-time-limit = {bad}\n")
        with pytest.raises(ConfigError, match="file-time-limit must be a positive number"):
            load_config([str(tmp_path)])
    cfg.write_text("")
    (tmp_path / "m.py").write_text(SAVED + "y.mul_(2)\n")
    r = _cli("--file-time-limit", "0", "m.py", cwd=tmp_path)
    assert r.returncode == 2 and "--file-time-limit" in r.stderr
    r = _cli("--file-time-limit", "30", "m.py", cwd=tmp_path)
    assert r.returncode == 1 and "IPL001" in r.stdout


# ----------------------------------------------------------------- notebooks
def _nb(cells, **top):
    return json.dumps(dict({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, **top))


@pytest.mark.parametrize("text", [
    _nb([{"cell_type": "code", "source": SAVED + "y.mul_(2)\n"}], metadata="a string"),
    _nb([{"cell_type": "code", "source": SAVED + "y.mul_(2)\n"}], metadata={"kernelspec": 5, "language_info": []}),
    "[" * 100_000 + "]" * 100_000,
], ids=["metadata-string", "metadata-odd-types", "json-100k-deep"])
def test_odd_notebooks_are_no_internal_error(text, tmp_path):
    p = tmp_path / "odd.ipynb"
    p.write_text(text)
    r = check_file(str(p), Config())
    assert r.problem is None or not r.problem.message.startswith("internal error"), r.problem
    if text.startswith("["):
        assert r.problem.message.startswith("invalid notebook")
    else:
        assert [f.code for f in r.findings] == ["IPL001"]


def test_no_exception_escapes_check_paths_on_a_folder_of_bad_inputs(tmp_path):
    bad = {
        "parens.py": "x = " + "(" * 2000 + "1" + ")" * 2000 + "\n",
        "nul.py": "x = 1\0\n",
        "latin.py": b"# coding: latin-1\nx = '\xe9'\ny.add_(1)\n",
        "undecodable.py": b"x = '\xff\xfe'\ny.add_(1)\n",
        "empty.py": "",
        "bom.py": "\ufeffimport torch\n",
        "tabs.py": "if x:\n\tif y:\n        x.add_(1)\n",
    }
    for name, text in bad.items():
        (tmp_path / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    results = {os.path.basename(r.path): r for r in check_paths([str(tmp_path)], Config(), jobs=1)}
    assert set(results) == set(bad)
    for name, r in results.items():
        assert r.problem is None or not r.problem.message.startswith("internal error"), (name, r.problem)


def test_nbformat_3_notebooks_are_read(tmp_path):
    nb = {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": "old"},
          "worksheets": [{"cells": [{"cell_type": "markdown", "source": "# title"},
                                    {"cell_type": "code", "language": "python", "input": SAVED},
                                    {"cell_type": "code", "language": "python", "input": ["y.mul_(2)\n"]}]}]}
    p = tmp_path / "old.ipynb"
    p.write_text(json.dumps(nb))
    r = check_file(str(p), Config())
    assert r.problem is None
    assert [(f.code, f.cell, f.line) for f in r.findings] == [("IPL001", 2, 1)]


def test_a_note_stays_a_note_through_the_cache(tmp_path):
    from inplace_lint.cache import Cache

    (tmp_path / "v.py").write_text("import torch\n(x): int = 1\nx.add_(1)\n")
    cache = Cache(str(tmp_path / "cache"))
    for _ in range(2):  # cold, then warm
        [r] = list(check_paths([str(tmp_path / "v.py")], Config(), jobs=1, cache=cache))
        assert r.problem.kind == "note" and r.problem.message.startswith("cannot analyse: libcst")


# Two shapes of real libraries (twentieth set) that stopped the analysis of their file: an
# AveragedModel of a model that comes in as an argument (fairchem-core: an internal error), and a
# loop over an iterator class whose __iter__ returns self (mmaction2: "nested too deeply").
AVERAGED_ARGUMENT = """\
import torch
from torch import nn


def train(model, batches):
    ema = torch.optim.swa_utils.AveragedModel(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for x, y in batches:
        loss = (model(x) - y).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        ema.update_parameters(model)
    w = torch.ones(2, requires_grad=True)
    w.add_(1)
    return ema
"""

ITERATOR_CLASS = """\
import torch


class Pairs:
    def __init__(self, xs):
        self.xs = xs
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        return self.xs[self.i - 1], torch.ones(2, requires_grad=True)


def main():
    for a, w in Pairs([1, 2]):
        w.add_(a)


main()
"""


@pytest.mark.parametrize("src, line", [(AVERAGED_ARGUMENT, 15), (ITERATOR_CLASS, 19)])
def test_files_analysed_to_the_end(src, line):
    r = check_source(src, "lib.py")
    assert r.problem is None, r.problem
    assert [(f.code, f.line) for f in r.findings] == [("IPL002", line)]
