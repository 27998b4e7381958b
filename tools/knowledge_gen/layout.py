"""keeps_layout: whether an op's result is laid out as its first tensor input is.

torch's elementwise ops (TensorIterator) and a few others (clone, dropout)
allocate their result with their input's strides: ``torch.sigmoid(x.transpose(1,
2))`` is transposed too, so a ``reshape`` of it is a copy, and ``.transpose(1, 2)``
of it is laid out in order again (a view for ``reshape``).  Other ops give a result
in order whatever their input (softmax, layer_norm copy a transposed input to a
contiguous one first).  scaled_dot_product_attention keeps it only in part (4-D
inputs without dropout, dimensions other than the last): no fact.

Measured per sample: the op is rerun with its first tensor argument replaced by a
copy of the same values whose two dimensions a and b are swapped in memory
(``x.transpose(a, b).contiguous().transpose(a, b)``), for the first two and the last
two dimensions longer than 1 (an input too small to have two is widened to a 3-D one
of the same dtype where it is the sample's only tensor: ``widened``). The sample
keeps the layout when the original result was contiguous and each rerun's result is
a fresh tensor (not a view of the input) that is not contiguous while its own
transpose(a, b) is. Samples whose result has another shape than the input
(broadcasting up, matmul), or that return the input itself, say nothing; a result of
fewer dimensions (a reduction: max(x) besides max(x, y), a loss's default mean) says
the layout is not kept. The fact names the parameter that received the input, and is
recorded only where every sample that says something agrees (gen_knowledge.merge).
Modules (module_layout): the same with the layer's forward input, the fact naming
"input".
"""
from __future__ import annotations

import types
import warnings

import torch

from .common import name_map
from .probes import Sample


def layout_trials(obs, sample, fn, params, record=None):
    """Append (parameter name, kept) to obs.layouts for one sample, when it says
    something.  record: None when fn is the described callable, else a function
    of a list that returns a context recording the described callable's calls
    into it (gen_knowledge.recording)."""
    sample = widened(sample)
    x = sample.input
    if not isinstance(x, torch.Tensor) or x.layout != torch.strided or not x.is_contiguous():
        return
    long = [d for d in range(x.dim()) if x.shape[d] > 1]
    if len(long) < 2:
        return
    pairs = sorted({(long[0], long[1]), (long[-2], long[-1])})
    with torch.random.fork_rng(devices=[]), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            base, name = _run(fn, sample, x, params, record)
            if not isinstance(base, torch.Tensor) or base is x or name is None:
                return
            if base.dim() < x.dim():  # a reduction: the op does not always give its input's shape
                obs.layouts.append((name, False))
                return
            if base.shape != x.shape:
                return
            kept = base.is_contiguous() and base.layout == torch.strided
            for a, b in pairs:
                y = x.detach().transpose(a, b).contiguous().transpose(a, b).requires_grad_(x.requires_grad)
                out, got = _run(fn, Sample(y, *sample.args, **sample.kwargs), y, params, record)
                kept = kept and got == name and _swapped(out, y, a, b)
        except Exception:
            return
    obs.layouts.append((name, kept))


def widened(sample):
    """A sample whose only tensor is an input too small to swap two dimensions of
    (OpInfo's unary samples are 1-D, 0-D or empty): the same call on a 3-D input of
    the same dtype, values in [0.25, 1.25) (every sample's shape check still applies)."""
    x = sample.input
    if not isinstance(x, torch.Tensor) or x.layout != torch.strided or \
            sum(n > 1 for n in x.shape) >= 2 or _has_tensor(sample.args) or _has_tensor(sample.kwargs.values()):
        return sample
    values = (torch.arange(24, dtype=torch.float64).reshape(2, 3, 4) / 24 + 0.25).to(x.dtype)
    return Sample(values.requires_grad_(x.requires_grad), *sample.args, **sample.kwargs)


def _has_tensor(values):
    return any(isinstance(v, torch.Tensor) or isinstance(v, (list, tuple)) and _has_tensor(v) for v in values)


def _run(fn, sample, x, params, record):
    """(fn's result on the sample, the name of the parameter that received x)."""
    args, kwargs = [sample.input, *sample.args], dict(sample.kwargs)
    if record is None:
        called = (args, kwargs, False)
        out = fn(*args, **kwargs)
    else:
        calls = []
        with record(calls):
            out = fn(*args, **kwargs)
        called = calls[0] if calls else None
    return out, (name_map(called, params).get(id(x)) if called is not None else None)


def _swapped(out, y, a, b):
    """out: a fresh tensor with y's shape, laid out with dimensions a and b swapped as y is."""
    if not isinstance(out, torch.Tensor) or out.shape != y.shape or out.layout != torch.strided:
        return False
    if out.untyped_storage().data_ptr() == y.untyped_storage().data_ptr():
        return False  # a view of the input: the view's own layout rules apply
    return not out.is_contiguous() and out.transpose(a, b).is_contiguous()


def keeps_layout(obs):
    """{"keeps_layout": the parameter's name} where every sample that said something
    kept its layout; else {}."""
    names = {n for n, _ in obs.layouts}
    if obs.layouts and len(names) == 1 and all(k for _, k in obs.layouts):
        return {"keeps_layout": names.pop()}
    return {}


def module_layout(cls, cands):
    """keeps_layout of an nn module, from its setups (modules.py: constructor args and
    kwargs, forward args and kwargs), each layer built afresh in float64, training."""
    obs = types.SimpleNamespace(layouts=[])
    for cargs, ckw, fargs, fkw in cands:
        if not fargs:
            continue
        with torch.random.fork_rng(devices=[]), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                torch.manual_seed(0)
                m = cls(*cargs, **ckw).to(torch.float64).train()
            except Exception:
                continue
        layout_trials(obs, Sample(fargs[0], *fargs[1:], **fkw), m, ["input"])
    return keeps_layout(obs)
