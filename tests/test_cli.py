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
