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


def _flake8_lines(out):
    return sorted(line for line in out.splitlines() if line)


def test_plugin_matches_cli_on_a_real_corpus_slice_cold_and_warm(tmp_path):
    from corpus_slice import make_slice

    src = tmp_path / "src"
    assert make_slice(str(src)) >= 7
    env = dict(os.environ, PYTHONPATH=ROOT, INPLACE_LINT_CACHE_DIR=str(tmp_path / "cache"))
    # flake8 reports one line per problem: the CLI without grouping says the same
    cli = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--no-cache", "--format", "json",
                          "--exit-zero", "--no-group", str(src)], cwd=ROOT, capture_output=True, text=True, env=env)
    tag = {"warning": "[warning] ", "error": ""}  # flake8 shows a warning's severity in its message
    want = sorted(f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {tag[f['severity']]}{f['message']}"
                  for f in json.loads(cli.stdout) if f["path"].endswith(".py"))
    assert len(want) >= 20

    def flake8(*extra, **env_extra):
        return subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select=IPL", "--exit-zero", *extra,
                               str(src)], cwd=ROOT, capture_output=True, text=True, env=dict(env, **env_extra))

    uncached = flake8("--jobs=1", INPLACE_LINT_NO_CACHE="1")
    assert _flake8_lines(uncached.stdout) == want, uncached.stderr
    assert not os.path.exists(tmp_path / "cache")
    cold = flake8("--jobs=2")  # entries written by flake8's worker processes
    assert os.path.isfile(tmp_path / "cache" / "CACHEDIR.TAG")
    warm = flake8("--jobs=1")
    assert _flake8_lines(cold.stdout) == _flake8_lines(warm.stdout) == want
    # the CLI re-uses what the plugin stored (same entries) and prints the same
    cli_warm = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--format", "json", "--exit-zero",
                               "--no-group", str(src)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert cli_warm.stdout == cli.stdout


def test_plugin_answers_unchanged_files_from_the_cache(tmp_path, monkeypatch):
    from inplace_lint import runner
    from inplace_lint.frontends import flake8_plugin

    monkeypatch.setenv("INPLACE_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(flake8_plugin, "_caches", {})
    lines = ["import torch\n", "x = torch.randn(3, requires_grad=True)\n", "y = torch.sigmoid(x)\n", "y.mul_(2)\n"]
    path = str(tmp_path / "m.py")
    first = list(Flake8Plugin(None, lines, path).run())
    assert [m.split()[0] for _, _, m, _ in first] == ["IPL001"]

    def boom(*_a, **_k):
        raise AssertionError("analysed again")

    monkeypatch.setattr(runner, "check_parsed", boom)
    assert list(Flake8Plugin(None, lines, path).run()) == first
    # a changed file is analysed again (and here reaches the patched analysis)
    changed = list(Flake8Plugin(None, lines + ["y.add_(1)\n"], path).run())
    assert len(changed) == 1 and changed[0][2].startswith("IPL000 inplace-lint internal error: AssertionError")


def test_plugin_follows_calls_into_project_modules_like_the_cli(tmp_path, monkeypatch):
    from inplace_lint.frontends import flake8_plugin

    main = ("import torch\nfrom utils import scaled\n\nx = torch.randn(4, requires_grad=True)\nh = torch.tanh(x)\n"
            "n = scaled(h)\n(h + n).sum().backward()\n")
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\n")
    (tmp_path / "main.py").write_text(main)
    (tmp_path / "utils.py").write_text("def scaled(t):\n    t.mul_(2)\n    return t\n")
    monkeypatch.setenv("INPLACE_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(flake8_plugin, "_caches", {})
    cli = subprocess.run([sys.executable, "-m", "inplace_lint", "check", "--no-cache", "--format", "json",
                          "main.py"], cwd=tmp_path, capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=ROOT))
    want = [(f["line"], f["column"] - 1, f["code"]) for f in json.loads(cli.stdout)]
    assert want and want[0][0] == 6  # main.py has no in-place text; the finding comes from utils.py
    path = str(tmp_path / "main.py")
    for _ in range(2):  # cold, then from the cache
        plugin = Flake8Plugin(None, main.splitlines(True), path)
        got = [(line, col, msg.split()[0]) for line, col, msg, _ in plugin.run()]
        assert got == want


def test_plugin_note_keeps_findings_and_does_not_fail(monkeypatch, tmp_path, caplog):
    # the analysis stops at its work budget: a limit of the linter, not a problem of the file
    from inplace_lint.engine import budget

    monkeypatch.setenv("INPLACE_LINT_NO_CACHE", "1")
    monkeypatch.setenv("INPLACE_LINT_NO_WORKER", "1")
    monkeypatch.setattr(budget, "MIN_HARD_BUDGET", 50)
    monkeypatch.setattr(budget, "HARD_BUDGET_FACTOR", 0)
    lines = ["import torch\n", "x = torch.randn(3, requires_grad=True)\n", "y = torch.sigmoid(x)\n",
             "y.mul_(2)\n"] + ["z = 1\n"] * 100 + ["w = torch.ones(2, requires_grad=True)\n", "w.add_(1)\n"]
    with caplog.at_level("WARNING", logger="flake8.inplace_lint"):
        out = list(Flake8Plugin(None, lines, str(tmp_path / "budget.py")).run())
    assert [(line, msg.split()[0]) for line, _, msg, _ in out] == [(4, "IPL001")]
    assert any("note: analysis incomplete: work budget exhausted" in r.getMessage() for r in caplog.records)
