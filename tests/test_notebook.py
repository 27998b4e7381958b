"""Notebooks are checked like .py files: code cells joined, magics blanked, positions mapped back to cells."""
import json
import os
import subprocess
import sys

from inplace_lint.config import Config
from inplace_lint.sources import notebook
from inplace_lint.runner import check_file, check_source

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NB = os.path.join("tests", "fixtures", "frontends", "train.ipynb")
BROKEN = os.path.join("tests", "fixtures", "frontends", "broken.ipynb")


def _nb(*cells, lang="python"):
    def cell(kind, src):
        return {"cell_type": kind, "metadata": {}, "source": src, **({"outputs": []} if kind == "code" else {})}

    return json.dumps({"cells": [cell(t, s) for t, s in cells], "metadata": {"language_info": {"name": lang}},
                       "nbformat": 4, "nbformat_minor": 5})


def test_fixture_findings_map_to_cells():
    res = check_file(os.path.join(ROOT, NB), Config())
    assert res.problem is None
    got = [(f.code, f.cell, f.line, f.column) for f in res.findings]
    # cell 2 line 8: h.mul_(2) in forward; cell 5 line 2: out.add_(1) -- the model/x from cells 2 and 4
    assert got == [("IPL001", 2, 8, 9), ("IPL001", 5, 2, 1)]
    out_f = res.findings[1]
    assert "at cell 5, line 1" in out_f.message
    assert out_f.related[0].line == 1 and out_f.related[0].path.endswith("train.ipynb:cell 5")
    # the %%bash cell (cell 3) is not Python: skipped whole, no problem reported
    assert all(f.cell != 3 for f in res.findings)


def test_cli_text_shows_cell_positions():
    p = subprocess.run([sys.executable, "-m", "inplace_lint", "check", NB], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 1
    assert f"{NB}:cell 5:2:1: IPL001 [error]" in p.stdout
    assert f"    {NB}:cell 5:1:7: note: saved for backward here" in p.stdout


def test_cells_analysed_together_and_markdown_ignored():
    src = _nb(("markdown", "y.mul_(2)\n"),
              ("code", ["import torch\n", "x = torch.randn(3, requires_grad=True)\n"]),
              ("code", "y = torch.sigmoid(x)"),  # no trailing newline
              ("code", ["!nvidia-smi\n", "%time z = 1\n", "y?\n", "?y\n", "r = !ls\n", "y.mul_(2)\n"]))
    res = check_source(src, "n.ipynb")
    assert res.problem is None
    assert [(f.cell, f.line, f.column, f.end_line, f.end_column) for f in res.findings] == [(3, 6, 1, 6, 10)]


def test_magic_blanking_keeps_lines():
    cell = "%%bash\necho hi\n"
    assert notebook.blank_ipython(cell) == ["", ""]
    assert notebook.blank_ipython("if a:\n    %time f()\nb = x % 2\nc = a != b\n") == [
        "if a:", "    pass", "b = x % 2", "c = a != b"]


def test_invalid_json_is_a_file_problem():
    res = check_file(os.path.join(ROOT, BROKEN), Config())
    assert res.findings == [] and res.problem is not None and "invalid notebook JSON" in res.problem.message
    p = subprocess.run([sys.executable, "-m", "inplace_lint", "check", BROKEN], cwd=ROOT, capture_output=True,
                       text=True)
    assert p.returncode == 2 and "E902 invalid notebook JSON" in p.stdout


def test_bad_cell_reported_other_cells_checked():
    src = _nb(("code", "import torch\nx = torch.randn(3, requires_grad=True)\n"),
              ("code", "def broken(:\n"),
              ("code", "y = torch.sigmoid(x)\ny.mul_(2)\n"))
    res = check_source(src, "n.ipynb")
    assert res.problem is not None and "cell 2" in res.problem.message
    assert [(f.cell, f.line) for f in res.findings] == [(3, 2)]


def test_noqa_in_cell_and_non_python_kernel():
    src = _nb(("code", "import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\n"
                       "y.mul_(2)  # noqa: IPL001\n"))
    assert check_source(src, "n.ipynb").findings == []
    r_src = _nb(("code", "y <- sigmoid(x)\n"), lang="R")
    res = check_source(r_src, "n.ipynb")
    assert res.findings == [] and res.problem is None


def test_python_cell_magics_are_checked_and_bind_names():
    src = _nb(("code", "import torch\nx = torch.randn(3, requires_grad=True)\n"),
              ("code", "%%time\ny = torch.sigmoid(x)\n"),  # defines y for later cells
              ("code", "%%timeit -n 1 -r 1 pass\nz = torch.exp(x)\nz.mul_(2)\n"),
              ("code", "%%capture out\ny.mul_(2)\n"),
              ("code", "%%bash\necho y.mul_(2)\nthis is not python (\n"),
              ("code", "%%writefile helper.py\nw = torch.tanh(x)\nw.mul_(2)\n"),
              ("code", "%%someunknownmagic\nthis is not python (\n"))
    res = check_source(src, "n.ipynb")
    assert res.problem is None
    assert [(f.code, f.cell, f.line, f.column) for f in res.findings] == [("IPL001", 3, 3, 1), ("IPL001", 4, 2, 1)]
    assert "at cell 2, line 2" in res.findings[1].message  # the save in the %%time cell is seen


def test_cell_magic_blanking():
    assert notebook.blank_ipython("%%time\ny = f(x)\n%time g()\n") == ["", "y = f(x)", "pass"]
    assert notebook.blank_ipython("\n%%prun -s cumulative\nh.mul_(2)\n") == ["", "", "h.mul_(2)"]
    assert notebook.blank_ipython("%%html\n<b>x</b>\n") == ["", ""]
    assert notebook.cell_magic("%%timeit -n 3\nx\n") == "timeit" and notebook.cell_magic("x = 1\n") is None


def test_notebook_through_the_cli_with_a_python_cell_magic(tmp_path):
    (tmp_path / "m.ipynb").write_text(_nb(("code", "%%time\nimport torch\nx = torch.randn(3, requires_grad=True)\n"
                                                   "y = torch.sigmoid(x)\ny.mul_(2)\n")))
    p = subprocess.run([sys.executable, "-m", "inplace_lint", "check", str(tmp_path / "m.ipynb")], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 1 and "m.ipynb:cell 1:5:1: IPL001 [error]" in p.stdout
