"""Configuration: each file's nearest [tool.inplace-lint], validation (exit 2), force-exclude, .gitignore."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from inplace_lint.config import ConfigError, Overrides, Resolver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAZARD = textwrap.dedent("""\
    import torch
    x = torch.randn(3, requires_grad=True)
    y = torch.sigmoid(x)
    y.mul_(2)
    """)


def ipl(args, cwd, stdin=None):
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run([sys.executable, "-m", "inplace_lint", "check", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, input=stdin)


def reported(p):
    return sorted({f["path"] for f in json.loads(p.stdout)})


@pytest.fixture
def nested(tmp_path):
    """top.py at the root (no table there), pkg/ with its own table that ignores IPL001."""
    (tmp_path / "top.py").write_text(HAZARD)
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "hz.py").write_text(HAZARD)
    (pkg / "pyproject.toml").write_text('[tool.inplace-lint]\nignore = ["IPL001"]\n')
    return tmp_path


def test_each_file_gets_its_nearest_config_whatever_the_order(nested):
    a = ipl(["--format", "json", "top.py", "pkg/hz.py"], nested)
    b = ipl(["--format", "json", "pkg/hz.py", "top.py"], nested)
    assert reported(a) == reported(b) == ["top.py"]
    assert a.returncode == b.returncode == 1


def test_pyproject_without_the_table_is_passed_over(nested):
    (nested / "pyproject.toml").write_text('[tool.inplace-lint]\nextend-exclude = ["skipme"]\n')
    (nested / "pkg" / "sub").mkdir()
    (nested / "pkg" / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (nested / "pkg" / "sub" / "deep.py").write_text(HAZARD)
    p = ipl(["--format", "json", "."], nested)
    assert reported(p) == ["top.py"]  # pkg/sub/deep.py follows pkg's table (ignore IPL001)


def test_relative_patterns_are_relative_to_their_table(nested):
    (nested / "pkg" / "pyproject.toml").write_text(
        '[tool.inplace-lint]\nper-file-ignores = { "hz.py" = ["IPL001"] }\n')
    (nested / "hz.py").write_text(HAZARD)  # same name at the root: not covered by pkg's pattern
    p = ipl(["--format", "json", "."], nested)
    assert reported(p) == ["hz.py", "top.py"]


def test_config_and_isolated_override(nested, tmp_path_factory):
    other = tmp_path_factory.mktemp("cfg") / "pyproject.toml"
    other.write_text('[tool.inplace-lint]\nselect = ["IPL002"]\n')
    assert ipl(["--format", "json", "--config", str(other), "."], nested).stdout.strip() == "[]"
    assert reported(ipl(["--format", "json", "--isolated", "."], nested)) == ["pkg/hz.py", "top.py"]


def test_resolver_caches_per_folder(nested):
    r = Resolver()
    first = r.for_path(str(nested / "pkg" / "hz.py"))
    assert first.ignore == ("IPL001",) and first.root == str(nested / "pkg")
    assert r.for_path(str(nested / "pkg" / "other.py")) is first
    (nested / "pkg" / "pyproject.toml").write_text("this is not toml [")  # read once: the cache answers
    assert r.for_path(str(nested / "pkg" / "third.py")) is first
    assert r.for_path(str(nested / "top.py")).ignore == ()


def test_cli_overrides_apply_on_top_of_each_file(nested):
    r = Resolver(overrides=Overrides(extend_select=("IPL100",), ignore=("IPL002",)))
    cfg = r.for_path(str(nested / "pkg" / "hz.py"))
    assert cfg.ignore == ("IPL001", "IPL002") and "IPL100" in cfg.select


BAD_TABLES = [
    ('[tool.inplace-lint]\nexclude = 5\n', "exclude must be a list of strings, not an integer"),
    ('[tool.inplace-lint]\nextend-exclude = [1, 2]\n', "extend-exclude must be a list of strings; 1 is an integer"),
    ('[tool.inplace-lint]\nextend-exclude = "vendor"\n', 'extend-exclude must be a list of strings, not a string'),
    ('[tool]\ninplace-lint = 5\n', "[tool.inplace-lint] must be a table, not an integer"),
    ('[tool.inplace-lint]\nmax-file-size = true\n', "max-file-size must be a positive integer (bytes), not true"),
    ('[tool.inplace-lint]\nmax-file-size = 0\n', "max-file-size must be a positive integer"),
    ('[tool.inplace-lint]\nselct = ["IPL"]\n', "unknown key 'selct'"),
    ('[tool.inplace-lint]\nper-file-ignores = { "t/*" = ["IPL999"] }\n', "unknown rule code or prefix 'IPL999'"),
    ('[tool.inplace-lint]\nper-file-ignores = { "t/*" = "IPL001" }\n', "must be a list of strings, not a string"),
    ('[tool.inplace-lint]\nper-file-ignores = ["t/*"]\n', "per-file-ignores must be a table"),
    ('[tool.inplace-lint]\nignore = ["E501"]\n', "unknown rule code or prefix 'E501'"),
    ('[tool.inplace-lint]\nforce-exclude = "yes"\n', "force-exclude must be true or false"),
    ('[tool.inplace-lint\n', "invalid TOML"),
]


@pytest.mark.parametrize("text,message", BAD_TABLES, ids=[m for _, m in BAD_TABLES])
def test_bad_values_are_clear_errors(tmp_path, text, message):
    (tmp_path / "pyproject.toml").write_text(text)
    (tmp_path / "a.py").write_text(HAZARD)
    with pytest.raises(ConfigError) as e:
        Resolver().for_path(str(tmp_path / "a.py"))
    assert message in str(e.value) and str(tmp_path / "pyproject.toml") in str(e.value)


def test_bad_config_on_the_command_line_exits_2_with_every_problem(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.inplace-lint]\nexclude = 5\nextend-exclude = [1, 2]\nmax-file-size = true\nbogus = 1\n')
    (tmp_path / "a.py").write_text(HAZARD)
    p = ipl(["a.py"], tmp_path)
    assert p.returncode == 2 and "Traceback" not in p.stderr and p.stdout == ""
    for msg in ("exclude must be", "extend-exclude must be", "max-file-size must be", "unknown key 'bogus'"):
        assert msg in p.stderr


def test_non_utf8_pyproject_exits_2(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.inplace-lint]\n# caf\xe9\nselect = ["IPL"]\n')
    (tmp_path / "a.py").write_text(HAZARD)
    p = ipl(["a.py"], tmp_path)
    assert p.returncode == 2 and "not valid UTF-8" in p.stderr and "Traceback" not in p.stderr


def test_force_exclude_applies_excludes_to_named_files(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.inplace-lint]\nextend-exclude = ["vendor"]\n')
    (tmp_path / "vendor" / "lib").mkdir(parents=True)
    (tmp_path / "vendor" / "lib" / "x.py").write_text(HAZARD)
    assert ipl(["vendor/lib/x.py"], tmp_path).returncode == 1  # named files are checked by default
    p = ipl(["--force-exclude", "vendor/lib/x.py"], tmp_path)
    assert p.returncode == 0 and "no Python files found" in p.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.inplace-lint]\nextend-exclude = ["vendor"]\nforce-exclude = true\n')
    assert ipl(["vendor/lib/x.py"], tmp_path).returncode == 0
    assert ipl(["--no-force-exclude", "vendor/lib/x.py"], tmp_path).returncode == 1


def test_gitignore_is_respected_in_a_git_work_tree(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("generated/\ngen_*.py\n")
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "a.py").write_text(HAZARD)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "gen_b.py").write_text(HAZARD)
    (tmp_path / "sub" / "gen_keep.py").write_text(HAZARD)
    (tmp_path / "sub" / ".gitignore").write_text("!gen_keep.py\n")
    (tmp_path / "real.py").write_text(HAZARD)
    assert reported(ipl(["--format", "json", "."], tmp_path)) == ["real.py", "sub/gen_keep.py"]
    assert reported(ipl(["--format", "json", "--no-respect-gitignore", "."], tmp_path)) == [
        "generated/a.py", "real.py", "sub/gen_b.py", "sub/gen_keep.py"]
    (tmp_path / "pyproject.toml").write_text('[tool.inplace-lint]\nrespect-gitignore = false\n')
    assert len(reported(ipl(["--format", "json", "."], tmp_path))) == 4
    # git agrees with what was skipped
    (tmp_path / "pyproject.toml").unlink()
    ignored = subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=tmp_path, capture_output=True,
                             text=True).stdout
    assert "!! generated/" in ignored and "!! sub/gen_b.py" in ignored and "gen_keep" not in ignored.split("!!")[-1]


def test_gitignore_outside_a_work_tree_is_not_read(tmp_path):
    (tmp_path / ".gitignore").write_text("*.py\n")
    (tmp_path / "a.py").write_text(HAZARD)
    assert reported(ipl(["--format", "json", "."], tmp_path)) == ["a.py"]
