"""The CLI's manners: exit codes, formats, selection, config, suppression, bad input."""
import json
import os
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from inplace_lint.frontends.cli import main

HAZARD = textwrap.dedent("""\
    import torch
    x = torch.randn(3, requires_grad=True)
    y = torch.sigmoid(x)
    y.mul_(2)
    """)
CLEAN = "import torch\nx = torch.randn(3)\nx.add_(1)\n"


def run(args, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, args)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args)
    finally:
        os.chdir(old)


@pytest.fixture
def proj(tmp_path):
    (tmp_path / "bad.py").write_text(HAZARD)
    (tmp_path / "good.py").write_text(CLEAN)
    return tmp_path


def test_exit_codes(proj):
    assert run(["check", str(proj / "good.py")]).exit_code == 0
    r = run(["check", str(proj / "bad.py")])
    assert r.exit_code == 1
    assert f"{proj / 'bad.py'}:4:1: IPL001 [error]" in r.output
    assert "1 error, 0 warnings in 1 of 1 file" in r.output
    assert run(["check", "--exit-zero", str(proj / "bad.py")]).exit_code == 0
    assert run(["check", "--select", "NOPE1", str(proj)]).exit_code == 2
    assert run(["check", "--format", "yaml", str(proj)]).exit_code == 2


def test_folder_recursion_and_default_excludes(proj):
    venv = proj / ".venv" / "lib"
    venv.mkdir(parents=True)
    (venv / "vendored.py").write_text(HAZARD)
    (proj / "pkg").mkdir()
    (proj / "pkg" / "deep.py").write_text(HAZARD)
    r = run(["check", "--format", "json", str(proj)])
    paths = sorted({os.path.relpath(f["path"], proj) for f in json.loads(r.stdout)})
    assert paths == ["bad.py", os.path.join("pkg", "deep.py")]


def test_json_items_have_required_fields(proj):
    r = run(["check", "--format", "json", str(proj / "bad.py")])
    items = json.loads(r.stdout)
    assert len(items) == 1
    f = items[0]
    for key in ("path", "line", "column", "end_line", "end_column", "code", "severity", "message"):
        assert key in f
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (4, 1, 4, 10)
    assert f["severity"] == "error" and f["code"] == "IPL001"
    assert f["related"][0]["line"] == 3
    assert "sigmoid" in f["message"] and "`y`" in f["message"]


def test_select_and_ignore_by_code_and_prefix(proj):
    assert run(["check", "--ignore", "IPL001", str(proj / "bad.py")]).exit_code == 0
    assert run(["check", "--ignore", "IPL00", str(proj / "bad.py")]).exit_code == 0
    assert run(["check", "--select", "IPL002", str(proj / "bad.py")]).exit_code == 0
    assert run(["check", "--select", "IPL001", str(proj / "bad.py")]).exit_code == 1


def test_noqa(tmp_path):
    p = tmp_path / "n.py"
    p.write_text(HAZARD.replace("y.mul_(2)", "y.mul_(2)  # noqa: IPL001"))
    assert run(["check", str(p)]).exit_code == 0
    p.write_text(HAZARD.replace("y.mul_(2)", "y.mul_(2)  # noqa"))
    assert run(["check", str(p)]).exit_code == 0
    p.write_text(HAZARD.replace("y.mul_(2)", "y.mul_(2)  # noqa: IPL002"))
    assert run(["check", str(p)]).exit_code == 1


def test_pyproject_config_found_by_walking_up(proj):
    (proj / "pyproject.toml").write_text(textwrap.dedent("""\
        [tool.inplace-lint]
        exclude = ["generated"]
        per-file-ignores = {"tests/*" = ["IPL001"]}
        """))
    (proj / "generated").mkdir()
    (proj / "generated" / "g.py").write_text(HAZARD)
    (proj / "tests").mkdir()
    (proj / "tests" / "t.py").write_text(HAZARD)
    r = run(["check", "--format", "json", str(proj)])
    paths = sorted(os.path.relpath(f["path"], proj) for f in json.loads(r.stdout))
    assert paths == ["bad.py"]
    (proj / "pyproject.toml").write_text('[tool.inplace-lint]\nignore = ["IPL001"]\n')
    assert run(["check", str(proj / "bad.py")]).exit_code == 0
    assert run(["check", "--isolated", str(proj / "bad.py")]).exit_code == 1
    (proj / "pyproject.toml").write_text('[tool.inplace-lint]\nbogus = 1\n')
    r = run(["check", str(proj / "bad.py")])
    assert r.exit_code == 2 and "unknown key" in r.output


def test_bad_files_are_reported_and_others_still_checked(tmp_path):
    (tmp_path / "a_syntax.py").write_text("def f(:\n    pass\n")
    (tmp_path / "b_bytes.py").write_bytes(b"x = '\xff\xfe'\n")
    (tmp_path / "c_bad.py").write_text(HAZARD)
    r = run(["check", str(tmp_path), str(tmp_path / "missing.py")])
    assert r.exit_code == 2
    assert "a_syntax.py:1:" in r.output and "syntax error" in r.output
    assert "b_bytes.py" in r.output and "cannot decode" in r.output
    assert "missing.py" in r.output and "cannot read" in r.output
    assert "c_bad.py:4:1: IPL001" in r.output


def test_huge_file_is_reported_not_checked(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.inplace-lint]\nmax-file-size = 100\n")
    (tmp_path / "big.py").write_text(HAZARD + "# padding\n" * 50)
    r = run(["check", str(tmp_path / "big.py")])
    assert r.exit_code == 2 and "file too large" in r.output


def test_nothing_is_written(proj):
    before = {p: p.read_bytes() for p in proj.iterdir()}
    run(["check", str(proj)])
    assert {p: p.read_bytes() for p in proj.iterdir()} == before


def test_statistics_and_quiet(proj):
    r = run(["check", "--statistics", str(proj)])
    assert "1  IPL001  [error] saved-tensor-modified" in r.output
    r = run(["check", "-q", str(proj)])
    assert "error" in r.output and "in 1 of 2 files" not in r.output


def test_rules_and_explain():
    r = run(["rules"])
    assert r.exit_code == 0 and "IPL001" in r.output and "IPL006" in r.output
    r = run(["explain", "ipl001"])
    assert r.exit_code == 0 and "## What it does" in r.output
    assert run(["explain", "IPL999"]).exit_code == 2


def test_python_dash_m_works_like_console_script(proj):
    r = subprocess.run([sys.executable, "-m", "inplace_lint", "check", str(proj / "bad.py")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "IPL001" in r.stdout


def test_static_linter_never_imports_torch(proj):
    code = textwrap.dedent(f"""\
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "torch" or name.startswith("torch."):
                    raise ImportError("torch must not be imported")
        sys.meta_path.insert(0, Block())
        from inplace_lint.frontends.cli import main
        try:
            main(["check", {str(proj)!r}])
        except SystemExit as e:
            assert e.code == 1, e.code
        assert not any(m == "torch" or m.startswith("torch.") for m in sys.modules)
        print("ok")
        """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.strip().endswith("ok"), r.stderr


# ---------------------------------------------------------------- stdin, output, exit manners
def ipl(args, cwd, stdin=None):
    """The real command in a subprocess (real stdin, real stdout/stderr)."""
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return subprocess.run([sys.executable, "-m", "inplace_lint", "check", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, input=stdin)


def test_stdin_dash(tmp_path):
    p = ipl(["-"], tmp_path, stdin=HAZARD)
    assert p.returncode == 1, p.stderr
    assert p.stdout.startswith("-:4:1: IPL001 [error]")
    assert ipl(["-"], tmp_path, stdin=CLEAN).returncode == 0
    p = ipl(["-"], tmp_path, stdin="def f(:\n")
    assert p.returncode == 2 and "-:1:" in p.stdout and "E902" in p.stdout


def test_stdin_filename_takes_that_files_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.inplace-lint]\nper-file-ignores = { "tests/*" = ["IPL001"] }\nextend-exclude = ["vendor"]\n')
    p = ipl(["--stdin-filename", "src/train.py", "-"], tmp_path, stdin=HAZARD)
    assert p.returncode == 1 and p.stdout.startswith("src/train.py:4:1: IPL001")
    p = ipl(["--stdin-filename", "tests/t.py"], tmp_path, stdin=HAZARD)  # no `-` needed with --stdin-filename
    assert p.returncode == 0 and "IPL001" not in p.stdout
    # excludes apply to stdin only with --force-exclude (as for named files)
    assert ipl(["--stdin-filename", "vendor/v.py", "-"], tmp_path, stdin=HAZARD).returncode == 1
    p = ipl(["--force-exclude", "--stdin-filename", "vendor/v.py", "-"], tmp_path, stdin=HAZARD)
    assert p.returncode == 0 and p.stdout == ""
    # the config of a nested project decides for a stdin file placed there
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.inplace-lint]\nignore = ["IPL001"]\n')
    assert ipl(["--stdin-filename", "sub/x.py", "-"], tmp_path, stdin=HAZARD).returncode == 0


def test_stdin_notebook_and_fix(tmp_path):
    nb = json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": HAZARD}],
                     "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    p = ipl(["--stdin-filename", "nb.ipynb", "-"], tmp_path, stdin=nb)
    assert p.returncode == 1 and "nb.ipynb:cell 1:4:1: IPL001" in p.stdout
    p = ipl(["--fix", "-"], tmp_path, stdin=HAZARD)  # the fixed code on stdout, the report on stderr
    assert p.stdout == HAZARD.replace("y.mul_(2)", "y = y.mul(2)")
    assert p.returncode == 0 and "0 errors" in p.stderr
    assert ipl(["-", "x.py"], tmp_path).returncode == 2


def test_output_file(proj):
    out = proj / "report.txt"
    r = run(["check", "--output-file", str(out), str(proj / "bad.py")])
    assert r.exit_code == 1 and "IPL001" not in r.stdout
    text = out.read_text()
    assert "bad.py:4:1: IPL001 [error]" in text and "1 error, 0 warnings" in text
    r = run(["check", "--format", "json", "-o", str(out), str(proj / "bad.py")])
    assert json.loads(out.read_text())[0]["code"] == "IPL001"
    assert run(["check", "-o", str(proj / "no" / "such" / "dir.txt"), str(proj)]).exit_code == 2


def test_show_source_draws_a_caret_under_the_span(proj):
    r = run(["check", "--show-source", str(proj / "bad.py")])
    lines = r.output.splitlines()
    i = next(k for k, line in enumerate(lines) if "IPL001" in line)
    assert lines[i + 1:i + 4] == ["    |", "  4 | y.mul_(2)", "    | ^^^^^^^^^"]
    (proj / "tab.py").write_text(HAZARD.replace("y.mul_(2)", "if True:\n\ty.mul_(2)"))
    r = run(["check", "--show-source", str(proj / "tab.py")])
    assert "  5 | \ty.mul_(2)\n    | \t^^^^^^^^^" in r.output


WARN_ONLY = "import torch\n\ndef f(t):\n    y = torch.sigmoid(t)\n    y.mul_(2)\n    return y\n"


def test_fail_on_error_lets_warnings_pass(tmp_path):
    (tmp_path / "w.py").write_text(WARN_ONLY)
    r = run(["check", "--format", "json", str(tmp_path / "w.py")])
    sev = {f["severity"] for f in json.loads(r.stdout)}
    assert sev == {"warning"} and r.exit_code == 1
    r = run(["check", "--fail-on", "error", str(tmp_path / "w.py")])
    assert r.exit_code == 0 and "[warning]" in r.output
    (tmp_path / "e.py").write_text(HAZARD)
    assert run(["check", "--fail-on", "error", str(tmp_path)]).exit_code == 1


def test_exit_zero_covers_unparsable_files(tmp_path):
    (tmp_path / "broken.py").write_text("def f(:\n")
    r = run(["check", str(tmp_path)])
    assert r.exit_code == 2
    r = run(["check", "--exit-zero", str(tmp_path)])
    assert r.exit_code == 0 and "broken.py:1:" in r.output and "could not be checked" in r.output


def test_a_file_named_twice_is_checked_once(tmp_path):
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "x.py").write_text(HAZARD)
    p = ipl(["--format", "json", "examples", "examples/x.py", "./examples/x.py", str(tmp_path / "examples")],
            tmp_path)
    assert [f["path"] for f in json.loads(p.stdout)] == ["examples/x.py"]
    p = ipl(["examples/x.py", "./examples/x.py"], tmp_path)
    assert p.stdout.count("IPL001") == 1 and "in 1 of 1 file" in p.stdout


def test_no_python_files_found_is_said(tmp_path):
    (tmp_path / "notes.txt").write_text("y.mul_(2)\n")
    p = ipl(["."], tmp_path)
    assert p.returncode == 0 and "no Python files found" in p.stderr and "no Python files" not in p.stdout


# ---------------------------------------------------------------- suppression
def test_file_level_noqa(tmp_path):
    two = HAZARD + "t = torch.randn(2, requires_grad=True)\nt.add_(1)\n"
    p = tmp_path / "f.py"
    p.write_text("# inplace-lint: noqa\n" + two)
    assert run(["check", str(p)]).exit_code == 0
    p.write_text("# inplace-lint: noqa: IPL001\n" + two)
    r = run(["check", "--format", "json", str(p)])
    assert [f["code"] for f in json.loads(r.stdout)] == ["IPL002"]
    p.write_text("x = 1  # inplace-lint: noqa\n" + two)  # not on its own line: not a file-level comment
    assert {f["code"] for f in json.loads(run(["check", "--format", "json", str(p)]).stdout)} == {"IPL001", "IPL002"}


def test_unused_suppression_is_opt_in(tmp_path):
    p = tmp_path / "u.py"
    p.write_text("# inplace-lint: noqa: IPL004\nimport torch\nx = torch.randn(3) * 2  # noqa: IPL001, E501\n"
                 "y = torch.sigmoid(torch.randn(3, requires_grad=True))\ny.mul_(2)  # noqa: IPL001\nz = 1  # noqa\n")
    assert run(["check", str(p)]).exit_code == 0  # off by default, also under select = IPL
    r = run(["check", "--format", "json", "--extend-select", "IPL100", str(p)])
    got = [(f["code"], f["line"], f["severity"], f["message"]) for f in json.loads(r.stdout)]
    assert got == [("IPL100", 1, "warning", "unused file-level suppression (suppresses nothing: IPL004)"),
                   ("IPL100", 3, "warning", "unused `noqa` directive (suppresses nothing: IPL001)")]
    # a rule disabled for the file makes its code's comment not "unused"
    assert [f["line"] for f in json.loads(run(["check", "--format", "json", "--extend-select", "IPL100",
                                               "--ignore", "IPL004", str(p)]).stdout)] == [3]


def test_add_noqa_writes_only_files_with_findings(tmp_path):
    (tmp_path / "bad.py").write_bytes(HAZARD.replace("\n", "\r\n").replace("y.mul_(2)", "y.mul_(2)  # keep me")
                                      .encode())
    (tmp_path / "clean.py").write_text(CLEAN)
    (tmp_path / "two.py").write_text(HAZARD.replace("y.mul_(2)", "y.mul_(2)  # noqa: E501") +
                                     "t = torch.randn(2, requires_grad=True)\nt.add_(1)\nt.mul_(3); s = '''\n'''\n")
    clean_stat = os.stat(tmp_path / "clean.py")
    p = ipl(["--add-noqa", "."], tmp_path)
    assert p.returncode == 0, p.stderr
    assert "Added 3 noqa directives to 2 files." in p.stderr and "cannot take a comment" in p.stderr
    assert (tmp_path / "bad.py").read_bytes().endswith(b"y.mul_(2)  # keep me  # noqa: IPL001\r\n")
    two = (tmp_path / "two.py").read_text()
    assert "y.mul_(2)  # noqa: E501, IPL001\n" in two and "t.add_(1)  # noqa: IPL002\n" in two
    assert os.stat(tmp_path / "clean.py").st_mtime_ns == clean_stat.st_mtime_ns
    p = ipl(["."], tmp_path)
    assert p.stdout.count("IPL0") == 1 and "two.py:7:1: IPL002" in p.stdout  # only the line inside a string was left


def test_the_projects_own_check_is_clean_and_examples_still_fail():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = ipl(["."], root)
    assert p.returncode == 0, p.stdout + p.stderr
    assert ipl(["examples/"], root).returncode == 1  # a folder named explicitly is checked despite the exclude


def test_the_runner_reads_sources_without_any_front_end():
    code = ("import sys, inplace_lint.runner as r\n"
            "r.check_source('{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x.add_(1)\"}]}', 'n.ipynb')\n"
            "r.check_source('x.add_(1)\\n', 'a.py')\n"
            "print(sorted(m for m in sys.modules if m.startswith('inplace_lint.frontends')))\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert p.stdout.strip() == "[]", p.stderr
