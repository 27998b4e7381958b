"""What a watch() report says: the user's line (with a library line as a
detail), parameter names, user-facing op names, the fix, and -- in warn mode --
torch's own error with torch's own version numbers."""
import importlib
import re
import sys
import warnings
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.utils._python_dispatch import _get_current_dispatch_mode_stack

from inplace_lint.runtime.watch import (
    InplaceHazardError,
    InplaceHazardWarning,
    frames,
    patches,
    watch,
)

FIX = Path(__file__).parent / "fixtures" / "runtime"


@pytest.fixture(autouse=True)
def _clean_state():
    def state():
        return (
            torch._C._autograd._top_saved_tensors_default_hooks(False),
            len(_get_current_dispatch_mode_stack()),
            getattr(patches._tls, "session", None),
            frames._roots,
        )

    before = state()
    yield
    assert state() == before


def load(name):
    spec = importlib.util.spec_from_file_location(
        "ipl_watch_reports_" + name, FIX / ("watch_%s.py" % name))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def marked(path, marker):
    lines = Path(path).read_text().splitlines()
    hits = [i + 1 for i, s in enumerate(lines) if s.rstrip().endswith("# " + marker)]
    assert len(hits) == 1, marker
    return hits[0]


def this_line(marker):
    return "test_watch_reports.py:%d" % marked(__file__, marker)


# ------------------------------------------------------------- torch's words


@pytest.mark.parametrize("name", ["sigmoid_mul", "mul_input", "no_grad", "relu_inplace"])
def test_warn_mode_error_reads_like_torchs_own(name):
    torch.manual_seed(0)
    with pytest.raises(RuntimeError) as plain:
        load(name).run()
    torch.manual_seed(0)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        with pytest.raises(RuntimeError) as watched:
            with watch(action="warn"):
                load(name).run()
    assert not isinstance(watched.value, InplaceHazardError)
    # same sentence, same version numbers as torch (watch does not bump them)
    ours, theirs = str(watched.value), str(plain.value)
    assert ours.split(" Hint:")[0] == theirs.split(" Hint:")[0]
    assert "is at version" in ours
    assert len([w for w in rec if issubclass(w.category, InplaceHazardWarning)]) == 1


def test_warn_mode_reports_versions_as_torch_sees_them():
    x = torch.randn(4, requires_grad=True)
    with pytest.warns(InplaceHazardWarning) as rec:
        with pytest.raises(RuntimeError, match="is at version 2; expected version 0"):
            with watch(action="warn"):
                y = torch.exp(x)
                y.add_(1)
                y.mul_(2)
                y.sum().backward()
    assert "saved at version 0, now at version 2" in str(rec[0].message)


# ------------------------------------------------------ the user's line first

LIB = '''\
import torch
from torch import nn


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(4, 4)

    def forward(self, x):
        h = torch.sigmoid(self.lin(x))  # LIB-SAVE
        h.mul_(2)  # LIB-MUTATE
        return h
'''

USER = '''\
import torch
from fakevision.models import Head


def step():
    model = Head()
    out = model(torch.randn(3, 4))  # USER-CALL
    out.sum().backward()  # USER-BACKWARD
'''


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A user file calling into a library module placed in a temp folder."""

    def make(lib_dir):
        pkg = tmp_path / lib_dir / "fakevision"
        pkg.mkdir(parents=True)
        (pkg / "__init__.py").write_text("")
        (pkg / "models.py").write_text(LIB)
        proj = tmp_path / "proj"
        proj.mkdir()
        (proj / "train.py").write_text(USER)
        monkeypatch.syspath_prepend(str(tmp_path / lib_dir))
        monkeypatch.syspath_prepend(str(proj))
        for m in ("fakevision", "fakevision.models", "train"):
            monkeypatch.delitem(sys.modules, m, raising=False)
        return importlib.import_module("train"), tmp_path / lib_dir

    yield make
    for m in ("fakevision", "fakevision.models", "train"):
        sys.modules.pop(m, None)


def _expect_library_report(msg, lib_prefix="fakevision/models.py"):
    call = "train.py:%d" % marked_user("USER-CALL")
    save = "%s:%d" % (lib_prefix, LIB_LINES["LIB-SAVE"])
    mutate = "%s:%d" % (lib_prefix, LIB_LINES["LIB-MUTATE"])
    assert re.search(re.escape(call) + r" \(in " + re.escape(save) + r", sigmoid: its output\)", msg), msg
    assert re.search(r"modified in place at \S*" + re.escape(call) + r" \(in "
                     + re.escape(mutate) + r", mul_\)", msg), msg
    assert "during backward at" in msg and "train.py:%d" % marked_user("USER-BACKWARD") in msg
    assert "fix: `.clone()`" in msg


LIB_LINES = {m: i + 1 for i, s in enumerate(LIB.splitlines()) for m in ("LIB-SAVE", "LIB-MUTATE")
             if s.endswith("# " + m)}


def marked_user(marker):
    return [i + 1 for i, s in enumerate(USER.splitlines()) if s.endswith("# " + marker)][0]


def test_library_under_site_packages_is_named_as_a_detail(project):
    train, _ = project("site-packages")
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            train.step()
    _expect_library_report(str(ei.value))


def test_library_roots_are_configurable(project, monkeypatch):
    train, vendor = project("vendor")
    # a plain folder is the user's code: its lines are the location
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            train.step()
    assert "models.py:%d by sigmoid (its output)" % LIB_LINES["LIB-SAVE"] in str(ei.value)
    # ... unless it is named as a library root
    with pytest.raises(InplaceHazardError) as ei:
        with watch(library_roots=[str(vendor)]):
            train.step()
    _expect_library_report(str(ei.value))
    monkeypatch.setenv("INPLACE_LINT_LIBRARY_ROOTS", str(vendor))
    with pytest.raises(InplaceHazardError) as ei:
        with watch(mode="lite"):
            train.step()
    assert re.search(r"train.py:%d \(in fakevision/models.py:%d\)" % (
        marked_user("USER-CALL"), LIB_LINES["LIB-SAVE"]), str(ei.value))


def test_stock_nn_module_write_names_the_users_call():
    lin = nn.Linear(4, 4)
    act = nn.ReLU(inplace=True)
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            h = torch.sigmoid(lin(torch.randn(2, 4)))  # NN-SAVE
            out = act(h)  # NN-CALL
            out.sum().backward()
    msg = str(ei.value)
    assert this_line("NN-SAVE") + " by sigmoid (its output)" in msg
    assert re.search(re.escape(this_line("NN-CALL")) + r" \(in torch/nn/functional.py:\d+, relu_\)", msg)


# ----------------------------------------------------------- parameter names


class Scale(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n))

    def forward(self, x):
        return x * self.weight


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.classifier = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Dropout(0.0), Scale(4))

    def forward(self, x):
        return self.classifier(x)


def test_parameters_are_named_by_module_path():
    model = Net()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            out = model(torch.randn(2, 4))
            out.sum().backward(retain_graph=True)
            opt.step()  # PARAM-STEP
            out.sum().backward()
    msg = str(ei.value)
    assert msg.startswith("parameter model.classifier.3.weight [4] saved at")
    assert re.search(r"modified in place at \S*" + re.escape(this_line("PARAM-STEP")), msg)
    assert "fix: call backward() on the graph" in msg and "torch.no_grad()" in msg


class Trainer:
    def __init__(self):
        self.model = Net()
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.1)

    def step(self, x):
        out = self.model(x)
        out.sum().backward(retain_graph=True)
        self.opt.step()
        out.sum().backward()


def test_parameters_held_by_an_object_are_named_through_it():
    trainer = Trainer()
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            trainer.step(torch.randn(2, 4))
    assert str(ei.value).startswith("parameter self.model.classifier.3.weight [4] saved at")


def test_view_of_a_parameter_is_named_too():
    model = Net()
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            out = model(torch.randn(2, 4, requires_grad=True))
            with torch.no_grad():
                model.classifier[0].weight.mul_(0.5)
            out.sum().backward()
    assert "(a view of parameter model.classifier.0.weight)" in str(ei.value)


# ----------------------------------------------------- op names and the fix


def test_user_facing_op_names_and_fixes():
    x = torch.randn(3, 4, requires_grad=True)
    cases = []
    for kind in ("augmented", "setitem", "method"):
        with pytest.raises(InplaceHazardError) as ei:
            with watch():
                y = torch.softmax(x, dim=1)
                if kind == "augmented":
                    y *= 2
                elif kind == "setitem":
                    y[0] = 1.0
                else:
                    y.div_(2)
                y.sum().backward()
        cases.append(str(ei.value))
    aug, setitem, method = cases
    for msg in cases:
        assert "by softmax (its output)" in msg and "_softmax" not in msg
    assert "by `*=`" in aug and "mul_" not in aug
    assert "fix: use the out-of-place form `y = y * ...`" in aug
    assert "by `x[...] = v`" in setitem and "fix: `.clone()` the tensor before assigning" in setitem
    assert "by div_" in method and "fix: use the out-of-place form `y = y.div(...)`" in method


def test_data_write_fix_says_not_through_data():
    with pytest.raises(InplaceHazardError) as ei:
        with watch():
            load("data").run()
    assert "fix: do not write through `.data`" in str(ei.value)


def test_leaf_error_suggests_no_grad():
    with pytest.raises(InplaceHazardError, match=r"wrap it in `with torch.no_grad\(\):`"):
        with watch():
            load("leaf").run()
