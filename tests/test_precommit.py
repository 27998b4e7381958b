"""The pre-commit hooks, installed the way pre-commit installs them: from a git repository at a commit.

The hook repository is a snapshot of this working tree (package, pyproject.toml,
.pre-commit-hooks.yaml) committed in a scratch git repository, so the test
checks exactly what a user's ``rev:`` would get, uncommitted edits included.
pre-commit builds the hook's virtualenv (pip install from PyPI: libcst, click;
no torch) once per module under a shared PRE_COMMIT_HOME.
"""
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAZARD = "import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x)\ny.mul_(2)\n"
CLEAN = "import torch\nx = torch.randn(3, requires_grad=True)\ny = torch.sigmoid(x) * 2\n"


def _git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com")
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=cwd,
                          env=env, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    hook_repo = base / "hook-repo"
    hook_repo.mkdir()
    for name in ("pyproject.toml", ".pre-commit-hooks.yaml", "README.md", "LICENSE"):
        if os.path.exists(os.path.join(ROOT, name)):
            shutil.copy(os.path.join(ROOT, name), hook_repo / name)
    shutil.copytree(os.path.join(ROOT, "inplace_lint"), hook_repo / "inplace_lint",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    _git("init", "-q", cwd=hook_repo)
    _git("add", "-A", cwd=hook_repo)
    _git("commit", "-q", "-m", "snapshot", cwd=hook_repo)
    rev = _git("rev-parse", "HEAD", cwd=hook_repo)
    home = base / "pre-commit-home"
    environ = dict(os.environ, PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1", NO_COLOR="1",
                   PRE_COMMIT_COLOR="never", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    environ.pop("VIRTUAL_ENV", None)
    config = (f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: inplace-lint\n"
              f"      - id: inplace-lint-fix\n        stages: [manual]\n")
    return {"base": base, "config": config, "environ": environ, "n": [0]}


def _project(env, files):
    env["n"][0] += 1
    d = env["base"] / f"project{env['n'][0]}"
    d.mkdir()
    _git("init", "-q", cwd=d)
    (d / ".pre-commit-config.yaml").write_text(env["config"])
    for name, text in files.items():
        (d / name).write_text(text)
    _git("add", "-A", cwd=d)
    return d


def _run(env, d, *args):
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--color=never", *args], cwd=d,
                          env=env["environ"], capture_output=True, text=True, timeout=600)


def test_hook_fails_on_staged_hazard_and_shows_the_code(env):
    d = _project(env, {"train.py": HAZARD, "ok.py": CLEAN})
    p = _run(env, d, "inplace-lint")
    assert p.returncode == 1, p.stdout + p.stderr
    assert "inplace-lint" in p.stdout and "Failed" in p.stdout
    assert "train.py:4:1: IPL001 [error]" in p.stdout
    assert "ok.py:" not in p.stdout
    # the hook environment has no torch: the static check never needs it
    envs = [os.path.join(r, n) for r, ds, _ in os.walk(env["environ"]["PRE_COMMIT_HOME"]) for n in ds
            if n == "torch" and "site-packages" in r]
    assert envs == []


def test_hook_passes_on_clean_files(env):
    d = _project(env, {"ok.py": CLEAN, "notes.md": "y.mul_(2)\n"})
    p = _run(env, d, "inplace-lint")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Passed" in p.stdout


def test_hook_skipped_without_python_files(env):
    # an unstaged hazard in the tree must not matter: no Python file is staged
    d = _project(env, {"README.md": "hello\n"})
    (d / "untracked.py").write_text(HAZARD)
    p = _run(env, d, "inplace-lint")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "no files to check" in p.stdout and "Skipped" in p.stdout


def test_fix_hook_rewrites_and_fails_so_the_user_sees_it(env):
    d = _project(env, {"train.py": HAZARD})
    p = _run(env, d, "--hook-stage", "manual", "inplace-lint-fix")
    assert p.returncode == 1, p.stdout + p.stderr  # files were modified by this hook
    assert (d / "train.py").read_text().endswith("y = y.mul(2)\n")
    p = _run(env, d, "inplace-lint", "--all-files")
    assert p.returncode == 0, p.stdout + p.stderr


def test_hook_honours_excludes_for_the_files_it_is_given(env):
    # pre-commit names the staged files; force-exclude (on in the hook entry) applies extend-exclude to them
    d = _project(env, {"pyproject.toml": '[tool.inplace-lint]\nextend-exclude = ["vendor"]\n', "ok.py": CLEAN})
    (d / "vendor").mkdir()
    (d / "vendor" / "lib.py").write_text(HAZARD)
    _git("add", "-A", cwd=d)
    p = _run(env, d, "inplace-lint")
    assert p.returncode == 0, p.stdout + p.stderr
    (d / "pyproject.toml").write_text("[tool.inplace-lint]\n")
    _git("add", "-A", cwd=d)
    p = _run(env, d, "inplace-lint")
    assert p.returncode == 1 and "vendor/lib.py:4:1: IPL001" in p.stdout, p.stdout + p.stderr
