"""Tests for the runtime watch mode (inplace_lint.runtime.watch)."""
import contextlib
import importlib.util
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import torch  # noqa: E402
from torch import nn  # noqa: E402
from torch.utils._python_dispatch import _get_current_dispatch_mode_stack  # noqa: E402

from inplace_lint.runtime import watch as watch_mod  # noqa: E402
from inplace_lint.runtime.watch import (  # noqa: E402
    InplaceHazardError,
    InplaceHazardWarning,
    run_script,
    watch,
)

FIX = Path(__file__).parent / "fixtures" / "runtime"


def load(name):
    path = FIX / ("watch_%s.py" % name)
    spec = importlib.util.spec_from_file_location("ipl_watch_fixture_" + name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def line(name, marker):
    """'watch_<name>.py:<n>' for the line of the fixture tagged '# <marker>'."""
    text = (FIX / ("watch_%s.py" % name)).read_text().splitlines()
    hits = [i + 1 for i, s in enumerate(text) if s.rstrip().endswith("# " + marker)]
    assert len(hits) == 1, (name, marker)
    return "watch_%s.py:%d" % (name, hits[0])


def this_line(marker):
    text = Path(__file__).read_text().splitlines()
    hits = [i + 1 for i, s in enumerate(text) if s.rstrip().endswith("# " + marker)]
    assert len(hits) == 1, marker
    return "test_watch.py:%d" % hits[0]


def raised_at(exc, name):
    """Line of the fixture where the exception came out (innermost frame there)."""
    tb, last = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith("watch_%s.py" % name):
            last = tb.tb_lineno
        tb = tb.tb_next
    return "watch_%s.py:%s" % (name, last)


def run_fixture(name, **kw):
    mod = load(name)
    with pytest.raises(InplaceHazardError) as ei:
        with watch(**kw):
            mod.run()
    return ei.value, str(ei.value)


def state():
    """Everything watch() installs, to check that it all goes away."""
    from torch.optim import optimizer as optim_mod

    return (
        torch._C._autograd._top_saved_tensors_default_hooks(False),
        len(_get_current_dispatch_mode_stack()),
        torch.autograd.graph.saved_tensors_hooks.__enter__,
        torch.autograd.graph.disable_saved_tensors_hooks,
        torch.autograd.backward,
        torch.autograd.grad,
        len(optim_mod._global_optimizer_pre_hooks),
        len(optim_mod._global_optimizer_post_hooks),
        getattr(watch_mod._tls, "session", None),
    )


@pytest.fixture(autouse=True)
def _clean_state():
    before = state()
    assert before[0] is None and before[1] == 0
    yield
    assert state() == before


# ---------------------------------------------------------------- full mode

# name -> (texts that must be in the message)
FULL_CASES = {
    "sigmoid_mul": ["by sigmoid (its output)", "by mul_", "needed by SigmoidBackward0"],
    "mul_input": ["by mul (its input)", "by add_"],
    # the write happens inside torch.nn: the user's line, with torch's as a detail
    "relu_inplace": ["by sigmoid (its output)", "(in torch/nn/functional.py:", ", relu_)",
                     "SigmoidBackward0"],
    "data": ["by sigmoid (its output)", ".data", "silently wrong"],
    "save_on_cpu": ["by sigmoid (its output)", "save_on_cpu", "skips its version check"],
}


@pytest.mark.parametrize("name", sorted(FULL_CASES))
def test_full_names_save_and_mutation_lines(name):
    exc, msg = run_fixture(name, mode="full")
    assert line(name, "SAVE") in msg
    assert re.search(r"modified in place at \S*" + re.escape(line(name, "MUTATE")), msg)
    for text in FULL_CASES[name]:
        assert text in msg
    assert msg.index(line(name, "SAVE")) < msg.index(line(name, "MUTATE"))
    # reported when backward uses the saved tensor (torch's own moment): a
    # graph freed without backward would make the write harmless
    assert raised_at(exc, name) == line(name, "BACKWARD")
    assert re.search(r"during backward at \S*" + re.escape(line(name, "BACKWARD")), msg)
    assert "fix: " in msg
    assert isinstance(exc, RuntimeError)


@pytest.mark.parametrize("name", ["data", "save_on_cpu"])
def test_silent_cases_really_are_silent_without_watch(name):
    x_grad = load(name).run()  # torch raises nothing ...
    assert x_grad is not None
    # ... and the gradient is not the one of the computation that ran
    torch.manual_seed(0)
    x = torch.randn(4, 8, requires_grad=True)
    y = torch.sigmoid(x)
    (y * 2).sum().backward()
    good = x.grad.clone()
    x2 = x.detach().clone().requires_grad_()
    with contextlib.ExitStack() as st:
        if name == "save_on_cpu":
            st.enter_context(torch.autograd.graph.save_on_cpu())
        y2 = torch.sigmoid(x2)
        if name == "data":
            y2.data.mul_(2)
        else:
            y2.mul_(2)
    y2.sum().backward()
    assert not torch.allclose(x2.grad, good)


def test_no_grad_mutation_is_reported_at_backward_with_both_lines():
    exc, msg = run_fixture("no_grad", mode="full")
    assert line("no_grad", "SAVE") in msg
    assert re.search(r"at \S*" + re.escape(line("no_grad", "MUTATE")) + " by clamp_", msg)
    assert re.search(r"during backward at \S*" + re.escape(line("no_grad", "BACKWARD")), msg)
    assert raised_at(exc, "no_grad") == line("no_grad", "BACKWARD")


def test_optimizer_step_on_retained_graph_names_step_line():
    exc, msg = run_fixture("retained", mode="full")
    assert line("retained", "SAVE") in msg
    assert re.search(r"at \S*" + re.escape(line("retained", "MUTATE")) + " by add_", msg)
    assert "AddmmBackward0" in msg


@pytest.mark.parametrize("mode", ["full", "lite"])
def test_leaf_violation_names_line(mode):
    exc, msg = run_fixture("leaf", mode=mode)
    assert "leaf tensor" in msg and line("leaf", "MUTATE") in msg
    assert "a leaf Variable that requires grad" in str(exc.__cause__)


@pytest.mark.parametrize("mode", ["full", "lite"])
def test_unbind_view_violation_names_line(mode):
    exc, msg = run_fixture("unbind", mode=mode)
    assert "view" in msg and line("unbind", "MUTATE") in msg
    assert "multiple views" in msg


def test_no_grad_view_modified_with_grad_names_line():
    x = torch.randn(4, requires_grad=True)
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            y = x * 2
            with torch.no_grad():
                v = y[:2]
            v.mul_(3)  # VIEW-MUTATE
    here = this_line("VIEW-MUTATE")
    assert "view" in str(ei.value) and here in str(ei.value)


def test_torch_error_for_tensor_saved_outside_watch_is_located():
    x = torch.randn(3, requires_grad=True)
    y = torch.exp(x)
    y.add_(1)
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            y.sum().backward()  # OUTSIDE-BACKWARD
    here = this_line("OUTSIDE-BACKWARD")
    assert here in str(ei.value) and "outside watch()" in str(ei.value)


# ---------------------------------------------------------------- lite mode

LITE_CASES = ["sigmoid_mul", "mul_input", "relu_inplace", "save_on_cpu", "no_grad", "retained"]


@pytest.mark.parametrize("name", LITE_CASES)
def test_lite_names_save_line_at_backward(name):
    exc, msg = run_fixture(name, mode="lite")
    assert line(name, "SAVE") in msg
    assert "not tracked in lite mode" in msg
    assert "needed by " in msg and "Backward" in msg
    assert line(name, "MUTATE") not in msg
    if name == "save_on_cpu":
        assert "save_on_cpu" in msg


# ---------------------------------------------------------------- no false alarms


class ResBlock(nn.Module):
    def __init__(self, c=8):
        super().__init__()
        self.conv1 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c)

    def forward(self, x):
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += identity
        return self.relu(out)


class LSTMNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(6, 8, num_layers=2, batch_first=True)

    def forward(self, x):
        return self.lstm(x)[0]


def make(kind):
    torch.manual_seed(0)
    if kind == "resnet":
        m = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(inplace=True), ResBlock(), ResBlock()
        )
        return m, (4, 3, 8, 8)
    if kind == "transformer":
        m = nn.TransformerEncoderLayer(16, 4, dim_feedforward=32, batch_first=True)
        return m, (2, 5, 16)
    return LSTMNet(), (3, 5, 6)


def train(kind, cm, steps=2):
    model, shape = make(kind)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    torch.manual_seed(1)
    for _ in range(steps):
        with cm():
            loss = model(torch.randn(shape)).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
    return [p.detach().clone() for p in model.parameters()]


@pytest.mark.parametrize("kind", ["resnet", "transformer", "lstm"])
@pytest.mark.parametrize("mode", ["full", "lite"])
def test_no_false_alarms_on_standard_models(kind, mode):
    ref = train(kind, contextlib.nullcontext)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        got_warn = train(kind, lambda: watch(mode=mode, action="warn"))
    assert [w for w in rec if issubclass(w.category, InplaceHazardWarning)] == []
    got_raise = train(kind, lambda: watch(mode=mode, action="raise"))
    # watch() must not change what is computed
    for a, b, c in zip(ref, got_warn, got_raise):
        assert torch.equal(a, b) and torch.equal(a, c)


def test_user_hooks_keep_working_under_watch():
    calls = []

    def pack(t):
        calls.append("pack")
        return t.detach() * 1  # a copy: later mutations of t do not matter

    def unpack(t):
        calls.append("unpack")
        return t

    x = torch.randn(5, requires_grad=True)
    # hooks inside watch ...
    with watch():
        with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
            y = torch.sin(x)
        y.sum().backward()
    assert calls == ["pack", "unpack"]
    assert torch.allclose(x.grad, torch.cos(x))
    # ... and hooks outside watch
    calls.clear()
    x.grad = None
    with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
        with watch():
            y = torch.sin(x)
            y.sum().backward()
    assert calls == ["pack", "unpack"]
    assert torch.allclose(x.grad, torch.cos(x))


# ---------------------------------------------------------------- API


def test_decorator_form():
    mod = load("sigmoid_mul")

    @watch()
    def bad():
        return mod.run()

    @watch(mode="lite")
    def good(v):
        x = torch.full((3,), v, requires_grad=True)
        torch.sigmoid(x).sum().backward()
        return x.grad

    with pytest.raises(InplaceHazardError, match="by mul_"):
        bad()
    assert torch.allclose(good(0.0), torch.full((3,), 0.25))
    with pytest.raises(InplaceHazardError):  # reusable
        bad()


def test_warn_action_warns_and_does_not_raise():
    mod = load("data")
    with pytest.warns(InplaceHazardWarning) as rec:
        with watch(action="warn") as w:
            grad = mod.run()
    assert grad is not None  # ran to the end
    msgs = [str(r.message) for r in rec if issubclass(r.category, InplaceHazardWarning)]
    assert len(msgs) == 1
    assert line("data", "SAVE") in msgs[0] and line("data", "MUTATE") in msgs[0]
    assert rec[0].filename.endswith("watch_data.py")
    assert w.reports == msgs


def test_warn_action_keeps_torchs_own_error():
    mod = load("sigmoid_mul")
    with pytest.warns(InplaceHazardWarning, match="by mul_"):
        with pytest.raises(RuntimeError, match="modified by an inplace operation") as ei:
            with watch(action="warn"):
                mod.run()
    assert not isinstance(ei.value, InplaceHazardError)


def test_leaves_nothing_behind_after_exception():
    before = state()
    with pytest.raises(ValueError):
        with watch():
            torch.ones(2, requires_grad=True) * 2
            raise ValueError("unrelated")
    assert state() == before
    with pytest.raises(InplaceHazardError):
        with watch(mode="full"):
            load("sigmoid_mul").run()
    assert state() == before
    # and torch behaves as before afterwards
    with pytest.raises(RuntimeError) as ei:
        load("sigmoid_mul").run()
    assert not isinstance(ei.value, InplaceHazardError)


def test_nested_watch_is_harmless():
    with watch():
        with watch(mode="lite"):
            x = torch.randn(3, requires_grad=True)
            torch.sigmoid(x).sum().backward()
        with pytest.raises(InplaceHazardError):
            load("sigmoid_mul").run()


def test_bad_arguments():
    with pytest.raises(ValueError):
        watch(mode="fast")
    with pytest.raises(ValueError):
        watch(action="ignore")


def test_runtime_package_does_not_import_torch():
    code = "import sys, inplace_lint.runtime; assert 'torch' not in sys.modules"
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


# ---------------------------------------------------------------- run_script


def test_run_script_hazard_returns_1(capsys):
    argv = list(sys.argv)
    assert run_script(str(FIX / "watch_sigmoid_mul.py"), []) == 1
    err = capsys.readouterr().err
    assert line("sigmoid_mul", "SAVE") in err and line("sigmoid_mul", "MUTATE") in err
    assert sys.argv == argv


def test_run_script_clean_returns_0():
    assert run_script(str(FIX / "watch_clean.py"), ["1"]) == 0
    assert run_script(str(FIX / "watch_clean.py"), ["1"], mode="lite") == 0


def test_run_script_warn_mode_still_returns_1():
    with pytest.warns(InplaceHazardWarning):
        assert run_script(str(FIX / "watch_data.py"), [], action="warn") == 1


def test_run_script_passes_argv_and_exit_code():
    assert run_script(str(FIX / "watch_exit.py"), ["3"]) == 3
    assert run_script(str(FIX / "watch_exit.py"), ["0"]) == 0
