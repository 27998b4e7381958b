"""Generic sample inputs for the callables torch's op_db does not run (or not in every
form): Tensor methods (probe_samples) and the holes left after every other probe
(hole_samples).  Wrong guesses raise and are skipped by gen_knowledge.run_samples."""
from __future__ import annotations

import itertools

import torch


class Sample:  # minimal SampleInput for probes
    def __init__(self, input, *args, **kwargs):
        self.input, self.args, self.kwargs = input, args, kwargs


def probe_samples(name):
    """Generic inputs for Tensor methods op_db does not exercise (or not in every form)."""
    out = []
    for dt in (torch.float64, torch.float32, torch.float16, torch.bfloat16):
        x = torch.arange(1.0, 13.0, dtype=dt).reshape(3, 4).requires_grad_()
        y = torch.ones(3, 4, dtype=dt)
        if name == "__getitem__":
            return [Sample(x, 0), Sample(x, (slice(0, 2), 1)), Sample(x, torch.tensor([0, 2]))]
        if name in ("register_hook", "register_post_accumulate_grad_hook"):
            return [Sample(x, lambda g: None)]
        # a transposed input makes reshape/flatten-like methods copy instead of view
        inputs = [x] if name == "requires_grad_" else [x.clone()]  # requires_grad_ needs a leaf
        if dt == torch.float64 and name != "requires_grad_":
            inputs.append(x.clone().t())
        for inp, cand in itertools.product(inputs, ((), (y,), (0,), (0, 1), (1.0,), (dt,), (-1,))):
            out.append(Sample(inp, *cand))
    return out


def hole_samples():
    """Generic inputs (small float64 tensors, dim=-1, square matrices, int tensors,
    pooling-shaped batches) for callables that neither op_db nor probe_samples ran."""
    torch.manual_seed(0)

    def f(*shape):
        return torch.rand(*shape, dtype=torch.float64).add(0.5).requires_grad_()
    x, sq = f(3, 4), (torch.eye(3, dtype=torch.float64) * 3 + torch.rand(3, 3, dtype=torch.float64))
    ints = torch.arange(1, 13).reshape(3, 4)
    out = [Sample(x, -1), Sample(x, dim=-1), Sample(x), Sample(x, f(3, 4)), Sample(x, f(1)), Sample(x, 2),
           Sample(sq.requires_grad_()), Sample(sq, 2), Sample(sq, f(3, 3)),
           Sample(ints), Sample(ints, ints.flip(0)), Sample(ints, 1)]
    for b in (f(2, 3, 4), f(2, 3, 4, 4), f(2, 3, 4, 4, 4)):
        out += [Sample(b, 2), Sample(b, 2.0, 2), Sample(b, -1), Sample(b, scale_factor=2.0)]
    out += [Sample(f(1, 12, 9), (4, 4), (2, 2)),          # fold
            Sample(f(2, 2, 3), [2, 3, 4, 4], False)]      # affine_grid
    return out


def version_kept_without_kernel(qual):
    """For a Tensor method whose schema marks ``self`` mutable but that no sample could run on
    this machine (``record_stream`` needs a CUDA stream): call it through a no-op CPU kernel
    registered for the probe, on a tensor autograd saved, and tell whether autograd's layers
    left the version counter alone (True), bumped it (False), or the call could not be made
    (None: an op with a CPU kernel of its own, a return value, an argument not guessed)."""
    name = qual.rsplit(".", 1)[1]
    try:
        schemas = torch._C._jit_get_schemas_for_operator("aten::" + name)
    except RuntimeError:
        return None
    if len(schemas) != 1 or schemas[0].returns or \
            torch._C._dispatch_has_kernel_for_dispatch_key("aten::" + name, "CPU"):
        return None
    args = []
    for a in schemas[0].arguments:
        made = _guess_argument(str(a.type))
        if made is None:
            return None
        args.append(made)
    if not isinstance(args[0], torch.Tensor):
        return None
    with torch.library._scoped_library("aten", "IMPL") as lib:
        lib.impl(name, lambda *a, **k: None, "CPU")
        before = args[0]._version
        try:
            getattr(torch.ops.aten, name).default(*args)
        except Exception:  # noqa: BLE001 - a wrong guess: nothing measured
            return None
        return args[0]._version == before


def _guess_argument(kind):
    if kind == "Tensor":
        return torch.arange(1.0, 4.0, dtype=torch.float64, requires_grad=True).sigmoid()
    if kind == "Stream":
        return torch.Stream(device="cpu")
    return {"int": 0, "float": 1.0, "bool": False}.get(kind)
