"""Grad guards (``tests/fixtures/static/guards_*.py``): the labels are true under torch.

Each ``fire_*`` function must raise torch's autograd error and each ``quiet_*``
function must run cleanly; the static findings (``# expect:``) are checked by
test_static_fixtures.py, which reads every fixture.
"""
import importlib.util
import pathlib
import re
import warnings

import pytest

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "static"
GUARDS = sorted(FIXTURES.glob("guards_*.py"))


def _cases():
    out = []
    for path in GUARDS:
        for m in re.finditer(r"^def ((?:fire|quiet)_\w+)", path.read_text(), re.M):
            out.append(pytest.param(path, m.group(1), id=f"{path.stem}.{m.group(1)}"))
    return out


def test_there_are_guard_fixtures_with_both_kinds():
    names = [c.values[1] for c in _cases()]
    assert any(n.startswith("fire_") for n in names) and any(n.startswith("quiet_") for n in names)


@pytest.mark.parametrize("path, name", _cases())
def test_fixture_label_matches_torch(path, name):
    torch = pytest.importorskip("torch")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    torch.manual_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if name.startswith("fire_"):
            with pytest.raises(RuntimeError):
                getattr(mod, name)()
        else:
            getattr(mod, name)()


@pytest.mark.parametrize("path", GUARDS, ids=lambda p: p.name)
def test_every_case_is_labelled_in_the_source(path):
    # a case and the helpers defined since the previous case form its group: a fire_
    # group without an expected error (or a quiet_ one with one) is a wrong label
    pending = ""
    for block in re.split(r"\n(?=def |class )", path.read_text()):
        m = re.match(r"def ((fire|quiet)_\w+)", block)
        if not m:
            pending += block
            continue
        group, pending = pending + block, ""
        has_error = re.search(r"#\s*expect:.*:error", group) is not None
        assert has_error == (m.group(2) == "fire"), f"{path.name}:{m.group(1)}"


PEEK = '''import torch


def peek_then_scale(x):
    h = torch.tanh(x)
    h.mean().item()
    if not x.requires_grad:
        h = h * 1.0
    h.mul_(2)
    return h.sum()
'''


def test_a_guarded_path_does_not_hide_the_other_paths_save():
    # Analysed on its own, x may require grad: after the branches join, h may be
    # tanh's output, which a backward from the returned sum reaches.  (The guard's
    # path holds copies of the values it refines; the originals stay reachable.)
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source

    found = [(f.line, f.code, f.severity) for f in check_source(PEEK, "peek.py", Config()).findings]
    assert found == [(9, "IPL001", "warning")]


def test_the_peek_case_raises_under_torch():
    torch = pytest.importorskip("torch")
    ns = {}
    exec(compile(PEEK, "peek.py", "exec"), ns)
    with pytest.raises(RuntimeError):
        ns["peek_then_scale"](torch.randn(3, requires_grad=True) * 1).backward()


CALLBACK = '''import torch
import torch.nn.functional as F


def _forward_only(a, b):
    return not (torch.is_grad_enabled() and (a.requires_grad or b.requires_grad))


def _fast(a, b):
    mu1, mu2 = F.avg_pool1d(a, 3), F.avg_pool1d(b, 3)
    m12 = mu1 * mu2
    mu1.pow_(2)
    return m12 + mu1


def score(a, b):
    if _forward_only(a, b):
        return _fast(a, b)
    return a
'''


def test_private_helper_called_only_under_the_guard_is_quiet():
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source

    assert check_source(CALLBACK, "cb.py", Config()).findings == []


def test_private_helper_also_passed_around_keeps_its_warning():
    # the list may hand _fast to code that calls it with tensors that require grad
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source

    found = check_source(CALLBACK + "\n\nHOOKS = [_fast]\n", "cb.py", Config()).findings
    assert [(f.line, f.severity) for f in found] == [(12, "warning")]


BUILDER = '''class Builder:
    def __init__(self, round_fn):
        self.in_chs = None
        self.round_fn = round_fn

    def _make_block(self, ba, idx):
        ba['in_chs'] = self.in_chs
        ba['out_chs'] = self.round_fn(ba['out_chs'])
        ba['out_chs'] *= 4
        return ba

    def build(self, model_args):
        out = []
        for stack in model_args:
            assert isinstance(stack, list)
            for i, ba in enumerate(stack):
                out.append(self._make_block(ba, i))
        return out
'''


def test_a_helper_parameter_that_is_never_a_grad_tensor_is_no_leaf_requiring_grad():
    # (timm's EfficientNetBuilder) every call passes something that is no tensor that
    # requires grad; a write into it must not make it "a leaf that may require grad"
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source

    assert check_source(BUILDER, "builder.py", Config()).findings == []


OPTIMIZER = '''import torch


class ScaledSGD(torch.optim.Optimizer):
    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                p.add_(self.unit(p.grad), alpha=-0.1)

    def unit(self, g):
        n = g.norm()
        n.add_(1e-8)
        return g / n
'''


def test_public_optimizer_method_called_only_from_step_takes_its_grad_mode():
    # called as self.unit(...) from the no-grad step() only: quiet; also called on another
    # object, or in a class that is no optimizer, its callers are not all seen: a warning
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source

    assert check_source(OPTIMIZER, "opt.py", Config()).findings == []
    # a local of the same name is no reference to the method
    local = OPTIMIZER.replace("        for group", "        unit = 0.1\n        for group").replace("-0.1", "-unit")
    assert check_source(local, "opt.py", Config()).findings == []
    for src in (OPTIMIZER + "\n\ndef use(opt, x):\n    return opt.unit(x)\n",
                OPTIMIZER.replace("(torch.optim.Optimizer)", ""),
                OPTIMIZER.replace("self.unit(", "self.other.unit("),
                OPTIMIZER + "\n    scale = unit\n",
                OPTIMIZER + "\n\nNAMES = ['unit']\n"):
        found = check_source(src, "opt.py", Config()).findings
        assert [(f.line, f.severity) for f in found] == [(13, "warning")], src
