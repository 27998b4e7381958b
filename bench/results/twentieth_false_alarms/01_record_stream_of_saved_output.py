"""A side stream's output declared to the caching allocator with ``record_stream``.

From fairchem-core 2.24.0, ``fairchem/core/models/uma/uma_nitro/_inference.py``:
``_parallel`` (line 10333) runs independent thunks (the radial MLP's layer chains, line 13983)
on CUDA side streams and joins them, and ``_record_uses`` (line 10383) calls
``value.record_stream(stream)`` (line 10390) on every output of a side-stream thunk.  The
outputs are activations the forces' backward needs (``F.linear``, ``layer_norm`` and ``silu``
keep their inputs).  Safe: ``record_stream`` only tells the caching allocator that the tensor is
used on another stream, so its memory is not reused before that stream is done.  It writes
nothing and does not bump the version counter: its schema marks ``self`` mutable
(``Tensor(a!)``), but it returns nothing, so autograd's codegen gives it no ADInplaceOrView
kernel (no ``increment_version``), and its CUDA kernel only records the stream.

The linter warns here as in the library ("on the paths where it is the saved tensor": a chain's
output is a ``sigmoid`` output, which ``sigmoid`` keeps, on one path); with every chain returning
the ``sigmoid`` output (no ``GATED`` choice) the same line is a false *error*.

Runs on CPU (no side streams: the thunks run in turn, as the library does when
``STREAM_FORK`` is off) and on CUDA (where ``record_stream`` is called); backward runs in both.
That ``record_stream`` keeps the version was checked on CPU by registering a no-op CPU kernel for
``aten::record_stream`` (``torch.library``): the call passes autograd's layers and the version
counter of a ``sigmoid`` output stays the same; backward runs.
"""
import os

import torch
import torch.nn.functional as F
from torch import nn

GATED = os.environ.get("GATED_CHAINS", "1") == "1"


def record_uses(values, stream):
    for value in values:
        if isinstance(value, torch.Tensor):
            value.record_stream(stream)
        elif isinstance(value, (tuple, list)):
            record_uses(value, stream)


def parallel(thunks):
    if not torch.cuda.is_available() or len(thunks) < 2:
        return [thunk() for thunk in thunks]
    main = torch.cuda.current_stream()
    streams = [torch.cuda.Stream() for _ in thunks[1:]]
    fork = torch.cuda.Event()
    fork.record(main)
    for stream in streams:
        stream.wait_event(fork)
    results = [None] * len(thunks)
    for index, thunk in enumerate(thunks):
        if index == 0:
            results[index] = thunk()
        else:
            with torch.cuda.stream(streams[index - 1]):
                results[index] = thunk()
    for stream in streams:
        join = torch.cuda.Event()
        join.record(stream)
        main.wait_event(join)
    record_uses(results[1:], main)
    return results


class RadialChains(nn.Module):
    def __init__(self, width=16, chains=3):
        super().__init__()
        self.first = nn.Linear(width, width)
        self.heads = nn.ModuleList(nn.Linear(width, width) for _ in range(chains))

    def forward(self, x):
        hidden = F.silu(self.first(x))

        def chain(head):
            def run():
                if GATED:
                    return torch.sigmoid(F.linear(hidden, head.weight, head.bias))
                return F.linear(F.silu(hidden), head.weight, head.bias)

            return run

        outs = parallel([chain(head) for head in self.heads])
        return sum(F.silu(out) for out in outs)


def main():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = RadialChains().to(device)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(2):
        pos = torch.randn(8, 16, device=device, requires_grad=True)
        energy = model(pos).mean()
        forces = -torch.autograd.grad(energy, pos, create_graph=True)[0]
        loss = energy.pow(2) + forces.pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("ok", loss.item())


if __name__ == "__main__":
    main()
