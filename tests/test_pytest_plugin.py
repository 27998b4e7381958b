"""The pytest plugin: `pytest --inplace-watch` runs every test under watch()."""
import sys
import textwrap
from pathlib import Path

import pytest
import torch

from inplace_lint.runtime.watch import watch

pytest_plugins = ["pytester"]

# In-process pytester runs drop the modules they imported afterwards, and
# torch cannot be imported twice: load torch and what watch() imports lazily
# (torch._dynamo, on the first dispatch mode) out here, once.
with watch():
    torch.exp(torch.ones(1, requires_grad=True)).sum().backward()

PLUGIN = ["-p", "inplace_lint.runtime.pytest_plugin"]
ROOT = Path(__file__).resolve().parent.parent

TESTS = textwrap.dedent('''\
    import pytest
    import torch
    from torch import nn


    def test_clean_training_step():
        torch.manual_seed(0)
        model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(inplace=True), nn.Linear(8, 1))
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        loss = model(torch.randn(3, 4)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()


    def test_silent_data_write():
        # torch raises nothing here: the gradient is silently wrong
        x = torch.randn(4, requires_grad=True)
        y = torch.sigmoid(x)  # SAVE
        y.data.mul_(2)  # MUTATE
        y.sum().backward()
        assert x.grad is not None


    def test_swallows_the_error():
        x = torch.randn(4, requires_grad=True)
        y = torch.exp(x)
        y.add_(1)
        with pytest.raises(RuntimeError):
            y.sum().backward()


    @pytest.mark.inplace_watch_off
    def test_deliberate_hazard():
        x = torch.randn(4, requires_grad=True)
        y = torch.exp(x)
        y.add_(1)
        with pytest.raises(RuntimeError, match="modified by an inplace operation"):
            y.sum().backward()
''')


@pytest.fixture
def suite(pytester):
    pytester.makepyfile(test_train=TESTS)
    return pytester


def test_without_the_flag_nothing_changes(suite):
    res = suite.runpytest(*PLUGIN)
    res.assert_outcomes(passed=4)
    out = res.stdout.str()
    # no header, no report (the plugins line may still name the installed distribution)
    assert "runs under watch" not in out and "autograd hazard" not in out and "inplace-lint watch" not in out


def test_flag_fails_hazardous_tests_with_the_report(suite):
    res = suite.runpytest(*PLUGIN, "--inplace-watch")
    res.assert_outcomes(passed=2, failed=2)
    out = res.stdout.str()
    res.stdout.fnmatch_lines([
        "*every test runs under watch(mode='full')*",
        "FAILED test_train.py::test_silent_data_write*",
        "FAILED test_train.py::test_swallows_the_error*",
    ])
    # the report names both lines of the user's test file
    lines = TESTS.splitlines()
    save = lines.index(next(s for s in lines if s.endswith("# SAVE"))) + 1
    mutate = lines.index(next(s for s in lines if s.endswith("# MUTATE"))) + 1
    assert "test_train.py:%d by sigmoid (its output)" % save in out
    assert "modified in place at test_train.py:%d by mul_" % mutate in out
    assert "silently wrong" in out
    assert "caught by the test" in out and "inplace_watch_off" in out


def test_lite_mode_option(suite):
    res = suite.runpytest(*PLUGIN, "--inplace-watch", "--inplace-watch-mode=lite")
    # lite mode cannot see .data writes; the swallowed version error it sees
    res.assert_outcomes(passed=3, failed=1)
    res.stdout.fnmatch_lines(["*watch(mode='lite')*", "FAILED test_train.py::test_swallows_the_error*"])


def test_plugin_module_does_not_import_torch():
    import subprocess

    code = ("import sys, inplace_lint.runtime.pytest_plugin; "
            "assert 'torch' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_entry_point_is_declared_under_the_module_name():
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        tomllib = pytest.importorskip("tomli")
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    eps = meta["project"]["entry-points"]["pytest11"]
    assert eps == {"inplace_lint.runtime.pytest_plugin": "inplace_lint.runtime.pytest_plugin"}
