"""The flake8 entrance reports exactly what ``inplace-lint check`` reports, at the same printed positions."""
import json
import os
import subprocess
import sys

from inplace_lint.frontends.flake8_plugin import Flake8Plugin

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join("tests", "fixtures", "frontends")
FILES = [os.path.join(FIX, n) for n in ("hazards.py", "noqa.py", "clean.py")]


def _flake8(*args):
    return subprocess.run([sys.executable, "-m", "flake8", "--isolated", *args], cwd=ROOT, capture_output=True,
                          text=True)


def _flake8_set(out):
    got = set()
    for line in out.splitlines():
        path, line_no, col, rest = line.split(":", 3)
        got.add((path, int(line_no), int(col), rest.split()[0]))
    return got


def test_flake8_matches_cli_positions_and_codes():
    cli = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--format", "json", *FILES], cwd=ROOT,
                         capture_output=True, text=True)
    assert cli.returncode == 1, cli.stderr
    want = {(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(cli.stdout)}
    fl = _flake8("--select=IPL", *FILES)
    assert fl.returncode == 1, fl.stderr
    got = _flake8_set(fl.stdout)
    assert got == want
    # the fixture covers several rules, a non-ASCII column, and our own noqa (which flake8 must honour too)
    assert {c for *_, c in got} >= {"IPL001", "IPL002", "IPL003"}
    assert (os.path.join(FIX, "hazards.py"), 11, 36, "IPL001") in got
    assert not any(p.endswith("noqa.py") and line == 5 for p, line, _, _ in got)
    assert any(p.endswith("noqa.py") and line == 7 for p, line, _, _ in got)


def test_flake8_noqa_and_extend_ignore():
    path = os.path.join(FIX, "noqa.py")
    fl = _flake8("--select=IPL", path)
    assert _flake8_set(fl.stdout) == {(path, 7, 1, "IPL001")}
    fl = _flake8("--select=IPL", "--extend-ignore=IPL001", os.path.join(FIX, "hazards.py"))
    codes = {c for *_, c in _flake8_set(fl.stdout)}
    assert "IPL001" not in codes and {"IPL002", "IPL003"} <= codes
    fl = _flake8("--select=IPL", "--disable-noqa", path)
    assert {line for _, line, _, _ in _flake8_set(fl.stdout)} == {5, 7}


def test_clean_file_passes_flake8():
    fl = _flake8("--select=IPL", os.path.join(FIX, "clean.py"))
    assert fl.returncode == 0 and fl.stdout == ""


def test_plugin_uses_given_lines_not_disk():
    lines = ["import torch\n", "x = torch.randn(3, requires_grad=True)\n", "y = torch.sigmoid(x)\n", "y.mul_(2)\n"]
    out = list(Flake8Plugin(None, lines, "does/not/exist.py").run())
    assert [(line, col, msg.split()[0]) for line, col, msg, _ in out] == [(4, 0, "IPL001")]
    assert out[0][3] is Flake8Plugin
    # prefilter: nothing in-place-looking, nothing parsed, nothing reported
    assert list(Flake8Plugin(None, ["import torch\n", "y = torch.sigmoid(x)\n"], "x.py").run()) == []


def test_plugin_reports_unparseable_file():
    out = list(Flake8Plugin(None, ["x +=\n"], "bad.py").run())
    assert len(out) == 1 and out[0][:2] == (1, 0) and out[0][2].startswith("IPL000 ")
