"""Findings of one root cause are reported as one, the other statements as related locations."""
import json
import os
import subprocess
import sys

import pytest

from inplace_lint import grouping
from inplace_lint.config import Config, ConfigError, config_from_table
from inplace_lint.findings import Edit, Finding, Fix
from inplace_lint.runner import check_source

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

THREE_WRITES = """\
import torch

x = torch.randn(3, requires_grad=True)
y = torch.sigmoid(x)
y.mul_(2)
y.add_(1)
y += 3
"""


def _cli(*args, cwd=ROOT, stdin=None):
    return subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--isolated", "--no-cache", *args],
                          cwd=cwd, capture_output=True, text=True, input=stdin,
                          env=dict(os.environ, PYTHONPATH=ROOT))


def _also(f):
    return [(r.line, r.message) for r in f.related if r.message.startswith(grouping.ALSO)]


def test_writes_to_one_saved_tensor_are_one_finding():
    [f] = check_source(THREE_WRITES, "m.py", Config()).findings
    assert (f.code, f.severity, f.line) == ("IPL001", "error", 5)
    assert f.message.endswith("(and 2 more writes to the same saved tensor: lines 6, 7)")
    assert "`sigmoid` at line 4" in f.message
    assert _also(f) == [(6, "also modified here"), (7, "also modified here")]
    assert f.related[0].message.startswith("saved for backward here by sigmoid")  # the saver stays first
    assert [(m.line, m.code) for m in f.group] == [(5, "IPL001"), (6, "IPL001"), (7, "IPL001")]
    # off: one finding per statement, as before
    off = check_source(THREE_WRITES, "m.py", Config(group_findings=False)).findings
    assert [(g.line, g.message.endswith("inplace operation'"), _also(g)) for g in off] == \
        [(5, True, []), (6, True, []), (7, True, [])]


def test_different_savers_and_different_tensors_stay_apart():
    src = ("import torch\n"
           "x = torch.randn(3, requires_grad=True)\n"
           "y = torch.sigmoid(x)\n"
           "y.mul_(2)\n"               # 4: saved by sigmoid
           "y.sum().backward()\n"      # sigmoid's save is used up
           "z = torch.sin(y)\n"        # sin saves y again
           "y.add_(1)\n"               # 7: saved by sin
           "y.add_(2)\n"               # 8: saved by sin: with 7
           "a = torch.tanh(x)\n"
           "b = torch.exp(x)\n"
           "a.mul_(2)\n"               # 11
           "b.mul_(2)\n"               # 12: another tensor, another save
           "a.div_(2)\n")              # 13: with 11
    got = [(f.line, [line for line, _ in _also(f)]) for f in check_source(src, "m.py", Config()).findings]
    assert got == [(4, []), (7, [8]), (11, [13]), (12, [])]


def test_leaf_and_view_causes():
    src = ("import torch\n"
           "x = torch.randn(6, requires_grad=True)\n"
           "w = torch.zeros(3, requires_grad=True)\n"
           "v = torch.zeros(3, requires_grad=True)\n"
           "w += 1\n"                  # 5: leaf w
           "v += 1\n"                  # 6: another leaf
           "w.add_(1)\n"               # 7: leaf w again
           "q, k, u = (x * 1).chunk(3)\n"
           "q *= 2\n"                  # 9: output of chunk
           "k *= 2\n")                 # 10: another output of the same chunk
    findings = check_source(src, "m.py", Config()).findings
    got = [(f.line, f.code, [line for line, _ in _also(f)]) for f in findings]
    assert got == [(5, "IPL002", [7]), (6, "IPL002", []), (9, "IPL003", [10])]
    assert findings[0].message.endswith("(and 1 more write to the same leaf tensor: line 7)")
    assert findings[2].message.endswith("(and 1 more write to views of the same tensor: line 10)")


def test_noqa_removes_only_its_line():
    src = THREE_WRITES.replace("y.add_(1)", "y.add_(1)  # noqa: IPL001")
    [f] = check_source(src, "m.py", Config()).findings
    assert (f.line, _also(f)) == (5, [(7, "also modified here")])
    assert f.message.endswith("(and 1 more write to the same saved tensor: line 7)")
    # noqa on the first: the next statement leads
    src = THREE_WRITES.replace("y.mul_(2)", "y.mul_(2)  # noqa")
    [f] = check_source(src, "m.py", Config()).findings
    assert (f.line, _also(f)) == (6, [(7, "also modified here")])
    # two of three suppressed: a plain finding
    src = src.replace("y.add_(1)", "y.add_(1)  # noqa")
    [f] = check_source(src, "m.py", Config()).findings
    assert (f.line, _also(f), f.group) == (7, [], ())


def _finding(line, severity="error", cause="c", fix=None):
    return Finding("IPL001", severity, "m.py", line, 1, line, 5, f"msg {line}", cause=cause, fix=fix)


def test_the_group_is_as_severe_as_its_worst_member_and_an_error_leads():
    # an error must sit on a line that raises: a warning written earlier is folded under it
    head = grouping.fold([_finding(3, "warning"), _finding(5, "error"), _finding(8, "warning")])
    assert (head.line, head.severity) == (5, "error")
    assert [(r.line, r.message) for r in head.related] == [(3, "also modified here (warning)"),
                                                           (8, "also modified here (warning)")]
    assert head.message == "msg 5 (and 2 more writes to the same saved tensor: lines 3, 8)"
    # other codes, other files and findings without a cause are never folded
    other = Finding("IPL004", "error", "m.py", 9, 1, 9, 2, "d", cause="c")
    elsewhere = Finding("IPL001", "error", "n.py", 4, 1, 4, 2, "e", cause="c")
    loose = [_finding(10, cause=None), _finding(11, cause=None)]
    out = grouping.group([_finding(1), other, elsewhere, *loose])
    assert [(f.path, f.line, len(f.group)) for f in out] == [
        ("m.py", 1, 0), ("m.py", 9, 0), ("m.py", 10, 0), ("m.py", 11, 0), ("n.py", 4, 0)]


def test_group_fix_only_when_all_members_are_equally_safe():
    def fix(line, safe):
        return Fix(f"rewrite {line}", (Edit(line, 1, line, 3, "x"),), safe)

    alike = [_finding(1, fix=fix(1, True)), _finding(2, fix=fix(2, True))]
    fx = grouping.group_fix(alike)
    assert fx.safe and [e.line for e in fx.edits] == [1, 2] and fx.description == "rewrite 1; rewrite 2"
    assert grouping.group_fix([_finding(1, fix=fix(1, True)), _finding(2, fix=fix(2, False))]) is None
    assert grouping.group_fix([_finding(1, fix=fix(1, True)), _finding(2)]) is None
    # what is left after fixing some members is regrouped; one left is a plain finding
    a, b, c = _finding(1), _finding(2), _finding(3)
    head = grouping.fold([a, b, c])
    [left] = grouping.without([head], {id(b)})
    assert (left.line, [r.line for r in left.related], left.group) == (1, [3], (a, c))
    assert grouping.without([head], {id(a), id(c)}) == [b]
    assert grouping.without([head], {id(a), id(b), id(c)}) == []


def test_fix_rewrites_every_member(tmp_path):
    p = tmp_path / "m.py"
    p.write_text(THREE_WRITES)
    r = _cli("--fix", str(p))
    assert r.returncode == 0, r.stdout + r.stderr
    assert p.read_text().splitlines()[4:] == ["y = y.mul(2)", "y = y.add(1)", "y = y + 3"]
    # stdin: the fixed text on stdout
    r = _cli("--fix", "-", stdin=THREE_WRITES)
    assert r.stdout.splitlines()[4:] == ["y = y.mul(2)", "y = y.add(1)", "y = y + 3"]
    # a member without a fix (zero_ has no out-of-place twin): the others are fixed, it is still reported
    p.write_text(THREE_WRITES.replace("y.add_(1)", "y.zero_()"))
    r = _cli("--fix", "--format", "json", str(p))
    assert p.read_text().splitlines()[4:] == ["y = y.mul(2)", "y.zero_()", "y = y + 3"]
    assert [(f["line"], f["related"][1:]) for f in json.loads(r.stdout)] == [(6, [])]


def test_add_noqa_marks_every_member(tmp_path):
    p = tmp_path / "m.py"
    p.write_text(THREE_WRITES)
    r = _cli("--add-noqa", str(p))
    assert r.returncode == 0, r.stderr
    assert p.read_text().splitlines()[4:] == ["y.mul_(2)  # noqa: IPL001", "y.add_(1)  # noqa: IPL001",
                                              "y += 3  # noqa: IPL001"]
    assert _cli(str(p)).returncode == 0


def test_cli_no_group_and_config_option(tmp_path):
    p = tmp_path / "m.py"
    p.write_text(THREE_WRITES)
    grouped = json.loads(_cli("--format", "json", str(p)).stdout)
    assert [f["line"] for f in grouped] == [5]
    apart = json.loads(_cli("--format", "json", "--no-group", str(p)).stdout)
    assert [f["line"] for f in apart] == [5, 6, 7]
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\ngroup-findings = false\n")
    r = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--no-cache", "--format", "json", "m.py"],
                       cwd=tmp_path, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=ROOT))
    assert [f["line"] for f in json.loads(r.stdout)] == [5, 6, 7]
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\ngroup-findings = \"no\"\n")
    r = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--no-cache", "m.py"],
                       cwd=tmp_path, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=ROOT))
    assert r.returncode == 2 and "group-findings must be true or false, not a string" in r.stderr


def test_config_key():
    assert Config().group_findings is True
    assert config_from_table({"group-findings": False}, "/p/pyproject.toml").group_findings is False
    with pytest.raises(ConfigError, match="group-findings must be true or false"):
        config_from_table({"group-findings": 1}, "/p/pyproject.toml")


def test_json_and_sarif_carry_the_members_as_related_locations(tmp_path):
    p = tmp_path / "m.py"
    p.write_text(THREE_WRITES)
    [f] = json.loads(_cli("--format", "json", str(p)).stdout)
    assert [(r["line"], r["message"]) for r in f["related"]] == [
        (4, "saved for backward here by sigmoid (its output)"), (6, "also modified here"),
        (7, "also modified here")]
    assert "cause" not in f and "group" not in f  # internal keys stay internal
    sarif = json.loads(_cli("--format", "sarif", str(p)).stdout)
    [res] = sarif["runs"][0]["results"]
    assert [(loc["physicalLocation"]["region"]["startLine"], loc["message"]["text"])
            for loc in res["relatedLocations"]][1:] == [(6, "also modified here"), (7, "also modified here")]
    text = _cli(str(p)).stdout
    assert f"{p}:6:1: note: also modified here" in text and f"{p}:7:1: note: also modified here" in text


def test_same_groups_in_parallel_and_from_the_cache(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(18):  # enough files for the process pool
        (src / f"m{i:02d}.py").write_text(THREE_WRITES if i % 2 else THREE_WRITES.replace("y += 3", "x2 = y * 2"))
    one = _cli("--format", "json", "-j", "1", str(src)).stdout
    two = _cli("--format", "json", "-j", "2", str(src)).stdout
    assert one == two
    assert [len(f["related"]) for f in json.loads(one)] == [2, 3] * 9
    # the causes travel through the cache: a warm run groups the same way
    env = dict(os.environ, PYTHONPATH=ROOT, INPLACE_LINT_CACHE_DIR=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--isolated", "--format", "json",
                            "-j", "1", str(src)], cwd=ROOT, capture_output=True, text=True, env=env).stdout
            for _ in range(2)]
    assert runs[0] == runs[1] == one


def test_flake8_plugin_reports_every_line():
    from inplace_lint.frontends.flake8_plugin import Flake8Plugin

    out = list(Flake8Plugin(None, THREE_WRITES.splitlines(keepends=True), "does/not/exist.py").run())
    assert [(line, msg.split()[0]) for line, _, msg, _ in out] == [(5, "IPL001"), (6, "IPL001"), (7, "IPL001")]


def test_language_server_shows_the_members_and_acts_on_all_of_them(tmp_path):
    pytest.importorskip("pygls")
    from test_server import Client, uri

    c = Client(tmp_path)
    try:
        c.request("initialize", {"processId": os.getpid(), "rootUri": uri(tmp_path), "capabilities": {
            "textDocument": {"publishDiagnostics": {"relatedInformation": True}},
            "notebookDocument": {"synchronization": {}}}})
        c.send("initialized", {})
        path = tmp_path / "train.py"
        c.send("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "python", "version": 1,
                                                         "text": THREE_WRITES}})
        [d] = c.diagnostics(uri(path))
        assert d["range"]["start"]["line"] == 4
        assert [(r["location"]["range"]["start"]["line"], r["message"]) for r in d["relatedInformation"]][1:] == \
            [(5, "also modified here"), (6, "also modified here")]
        fix, noqa = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(path)}, "range": d["range"],
                                                          "context": {"diagnostics": [d]}})["result"]
        assert [e["newText"] for e in fix["edit"]["changes"][uri(path)]] == [
            "y = y.mul(2)", "y = y.add(1)", "y = y + 3"]
        assert [e["newText"] for e in noqa["edit"]["changes"][uri(path)]] == [
            "y.mul_(2)  # noqa: IPL001", "y.add_(1)  # noqa: IPL001", "y += 3  # noqa: IPL001"]
        # a notebook: the member in another cell is related information in that cell
        nb = uri(tmp_path / "explore.ipynb")
        cells = [("c1", "import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\ny.mul_(2)\n"),
                 ("c2", "y.add_(1)\n")]
        c.send("notebookDocument/didOpen", {
            "notebookDocument": {"uri": nb, "notebookType": "jupyter-notebook", "version": 1,
                                 "cells": [{"kind": 2, "document": f"{nb}#{n}"} for n, _ in cells]},
            "cellTextDocuments": [{"uri": f"{nb}#{n}", "languageId": "python", "version": 1, "text": text}
                                  for n, text in cells]})
        seen = {}
        while len(seen) < 2:
            m = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                       and m["params"]["uri"].startswith(nb))
            seen[m["params"]["uri"]] = m["params"]["diagnostics"]
        assert seen[f"{nb}#c2"] == []
        [d] = seen[f"{nb}#c1"]
        assert [(r["location"]["uri"], r["location"]["range"]["start"]["line"], r["message"])
                for r in d["relatedInformation"]][1:] == [(f"{nb}#c2", 0, "also modified here")]
    finally:
        c.proc.kill()
        c.proc.wait(10)


def test_notebook_members_in_other_cells_name_their_cell():
    cells = ["import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\ny.mul_(2)\n",
             "y.add_(1)\ny += 2  # noqa\n", "y.div_(2)\n"]
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "source": c, "outputs": [], "execution_count": None}
                    for c in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    result = check_source(json.dumps(nb), "n.ipynb", Config())
    [f] = result.findings
    assert (f.cell, f.line) == (1, 4)
    assert [(r.path, r.line, r.message) for r in f.related][1:] == [
        ("n.ipynb:cell 2", 1, "also modified here"), ("n.ipynb:cell 3", 1, "also modified here")]
    assert f.message.endswith("(and 2 more writes to the same saved tensor: cell 2, line 1; cell 3, line 1)")
