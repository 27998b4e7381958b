"""watch() must not cry wolf: stock recurrent modules, abandoned graphs,
gradcheck and torch.func transforms run under it without a report."""
import contextlib
import itertools
import warnings

import pytest
import torch
from torch import nn
from torch.utils._python_dispatch import _get_current_dispatch_mode_stack

from inplace_lint.runtime.watch import (
    InplaceHazardError,
    InplaceHazardWarning,
    InplaceWatchNote,
    patches,
    watch,
)
from inplace_lint.runtime.watch.overlap import overlaps


def state():
    return (
        torch._C._autograd._top_saved_tensors_default_hooks(False),
        len(_get_current_dispatch_mode_stack()),
        torch.autograd.graph.saved_tensors_hooks.__enter__,
        torch.autograd.graph.disable_saved_tensors_hooks,
        torch.autograd.backward,
        torch.autograd.grad,
        getattr(patches._tls, "session", None),
    )


@pytest.fixture(autouse=True)
def _clean_state():
    before = state()
    assert before[0] is None and before[1] == 0
    yield
    assert state() == before


def hazard_warnings(rec):
    return [str(w.message) for w in rec if issubclass(w.category, InplaceHazardWarning)]


# ------------------------------------------------------------ recurrent modules

# name -> (constructor, input shape); every recurrent module in torch.nn
RECURRENT = {
    "RNN": (lambda: nn.RNN(4, 5, num_layers=2), (3, 2, 4)),
    "RNNCell": (lambda: nn.RNNCell(4, 5), (2, 4)),
    "GRU": (lambda: nn.GRU(4, 5, num_layers=2), (3, 2, 4)),
    "GRUCell": (lambda: nn.GRUCell(4, 5), (2, 4)),
    "LSTM": (lambda: nn.LSTM(4, 5, num_layers=2, bidirectional=True), (3, 2, 4)),
    "LSTM-proj": (lambda: nn.LSTM(4, 5, proj_size=3), (3, 2, 4)),
    "LSTMCell": (lambda: nn.LSTMCell(4, 5), (2, 4)),
    # the same without oneDNN: torch's own cell loop instead of one fused op
    "LSTM-no-onednn": (lambda: nn.LSTM(4, 5, num_layers=2), (3, 2, 4)),
    "GRU-no-onednn": (lambda: nn.GRU(4, 5), (3, 2, 4)),
}


def train_recurrent(name, dtype, cm, steps=2):
    torch.manual_seed(0)
    make, shape = RECURRENT[name]
    model = make().to(dtype)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        no_onednn = (torch.backends.mkldnn.flags(enabled=False) if name.endswith("no-onednn")
                     else contextlib.nullcontext())
        with cm(), no_onednn:
            x = torch.randn(shape, dtype=dtype)
            out = model(x)
            if name == "LSTMCell":
                out = out[0] * out[1]  # (h, c)
            elif isinstance(out, tuple):
                out = out[0]
            loss = out.pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
    return [p.detach().clone() for p in model.parameters()]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("name", sorted(RECURRENT))
def test_recurrent_modules_train_without_report(name, dtype):
    plain = train_recurrent(name, dtype, contextlib.nullcontext)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        got = train_recurrent(name, dtype, lambda: watch(mode="full", action="warn"))
        got_lite = train_recurrent(name, dtype, lambda: watch(mode="lite", action="warn"))
    assert hazard_warnings(rec) == []
    for a, b, c in zip(plain, got, got_lite):  # and nothing computed differently
        assert torch.equal(a, b) and torch.equal(a, c)


def test_write_to_one_gate_chunk_is_not_a_write_to_another():
    # what torch's LSTM cell does: in-place activations on disjoint column
    # blocks of one gate tensor, each block with its own version counter
    x = torch.randn(3, 8, requires_grad=True)
    with watch() as w:
        a, b = (x * 1).unsafe_chunk(2, 1)
        a.sigmoid_()  # saves its output: block a
        b.tanh_()  # writes block b of the same storage
        (a * b).sum().backward()
    assert w.reports == []
    s, t = torch.sigmoid(x[:, :4]), torch.tanh(x[:, 4:])
    assert torch.allclose(x.grad, torch.cat([s * (1 - s) * t, (1 - t * t) * s], 1))


# -------------------------------------------------------------- exact overlap


def _bytes(t):
    es = t.element_size()
    out = set()
    for idx in itertools.product(*[range(s) for s in t.shape]):
        off = t.storage_offset() + sum(i * st for i, st in zip(idx, t.stride()))
        out.update(range(off * es, off * es + es))
    return out


def _views(base):
    n = base.numel()
    yield base
    yield base[1:]
    yield base.view(4, 6)[:, :3]
    yield base.view(4, 6)[:, 3:]
    yield base.view(4, 6)[1::2, 2:4]
    yield base.view(4, 6).t()
    yield base.view(2, 12)[:, ::3]
    yield base.view(2, 12)[:, 1::3]
    yield base.view(4, 6)[:, 1]
    yield base.view(torch.uint8)[4 * 5:4 * 9] if base.dtype == torch.float32 else base[5:9]
    yield base.as_strided((3, 2), (5, 1), 2)
    yield base.view(4, 6)[:, :3].unsqueeze(1).expand(4, 2, 3)
    yield base[n:]  # empty


def test_overlap_is_exact_on_strided_views():
    base = torch.zeros(24)
    views = list(_views(base))
    for a, b in itertools.product(views, views):
        assert overlaps(a, b) == bool(_bytes(a) & _bytes(b)), (a.shape, a.stride(), b.shape, b.stride())


# ------------------------------------------------------------ abandoned graphs


@pytest.mark.parametrize("mode", ["full", "lite"])
def test_metric_in_place_on_a_graph_never_backpropagated(mode):
    torch.manual_seed(0)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        for action in ("raise", "warn"):
            logits = torch.randn(8, 3, requires_grad=True)
            with watch(mode=mode, action=action) as w:
                scaled = logits * 2
                loss = nn.functional.binary_cross_entropy_with_logits(scaled, torch.ones(8, 3))
                probs = torch.sigmoid(scaled)  # saved by sigmoid, graph dropped
                probs.mul_(100).round_()  # a metric, computed in place
                probs.data.clamp_(0, 50)  # and even through .data
                loss.backward()
            assert w.reports == []
    assert hazard_warnings(rec) == []


@pytest.mark.parametrize("mode", ["full", "lite"])
def test_retained_graph_never_reused_is_not_a_hazard(mode):
    torch.manual_seed(0)
    lin = nn.Linear(4, 4)
    opt = torch.optim.SGD(lin.parameters(), lr=0.1)
    with watch(mode=mode) as w:
        for _ in range(2):
            out = lin(torch.randn(2, 4))
            out.sum().backward(retain_graph=True)  # kept, never used again
            opt.step()  # writes the weight the kept graph saved
    assert w.reports == []


def test_write_restored_before_backward_is_not_silent_corruption():
    x = torch.randn(5, requires_grad=True)
    with watch() as w:
        y = torch.sigmoid(x)
        old = y.detach().clone()
        y.data.mul_(3)
        y.data.copy_(old)  # put back: backward sees what was saved
        y.sum().backward()
    assert w.reports == []
    assert torch.allclose(x.grad, torch.sigmoid(x) * (1 - torch.sigmoid(x)))


# ------------------------------------------------------------------ gradcheck


@pytest.mark.parametrize("mode", ["full", "lite"])
def test_gradcheck_passes_under_watch(mode):
    torch.manual_seed(0)
    x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
    w = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)

    def f(a, b):
        return torch.sigmoid(a @ b).tanh() * a.sum()

    with watch(mode=mode) as wt:
        assert torch.autograd.gradcheck(f, (x, w))
        assert torch.autograd.gradgradcheck(f, (x, w))
        assert torch.autograd.gradcheck(f, (x, w), fast_mode=True)
    assert wt.reports == []


# ------------------------------------------------------------------ torch.func


@pytest.mark.parametrize("mode", ["full", "lite"])
def test_torch_func_transforms_run_and_watch_steps_aside(mode):
    from torch.func import grad, jacrev, vjp, vmap

    patches._noted.clear()  # the note is once per process
    x = torch.randn(3)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        with watch(mode=mode):
            g = grad(lambda v: torch.sigmoid(v).sum())(x)
            gg = vmap(grad(lambda v: torch.sin(v).sum()))(torch.stack([x, x]))
            jac = jacrev(torch.tanh)(x)
            _, pull = vjp(torch.exp, x)
            # still watching afterwards
            z = torch.randn(3, requires_grad=True)
            y = torch.sigmoid(z)
            y.mul_(2)
            with pytest.raises(InplaceHazardError, match="saved at .*test_watch_false_alarms"):
                y.sum().backward()
            g2 = grad(lambda v: torch.sigmoid(v).sum())(x)
    s = torch.sigmoid(x)
    assert torch.allclose(g, s * (1 - s)) and torch.equal(g, g2)
    assert torch.allclose(gg, torch.cos(torch.stack([x, x])))
    assert torch.allclose(jac, torch.diag(1 - torch.tanh(x) ** 2))
    assert torch.allclose(pull(torch.ones(3))[0], torch.exp(x))
    notes = [w for w in rec if issubclass(w.category, InplaceWatchNote)]
    assert len(notes) == 1 and "steps aside" in str(notes[0].message)
    assert hazard_warnings(rec) == []
