# From avalanche-lib 0.6.0, avalanche/models/pnn.py:79 (`x[i] = self.alphas[i] * el` in
# MLPAdapter.forward's `for i, el in enumerate(x):`, followed by `x = torch.cat(x, dim=1)`),
# reached from MultiTaskModule.forward (avalanche/models/dynamic_modules.py:185, `x: torch.Tensor`,
# the per-task-label path `self.forward_single_task(x[task_mask], task.item())`) through
# PNNLayer.forward_single_task and PNNColumn.forward.  Reported as IPL001 warning "`x` is modified
# in place by `[]=` but `mul` at line 79 (its other) saved it for backward; backward will raise
# ... (on the paths where it is the saved tensor) [via forward_single_task() called at
# dynamic_modules.py:185, forward() called at line 218, forward() called at line 127]".
# Safe: the adapter's `x` is a LIST of tensors (PNN.forward_single_task builds
# `x = [x for _ in range(num_columns)]` and calls each layer with an int task label);
# `x[i] = ...` rebinds a slot of the list and writes no tensor.  The path the linter follows,
# an annotated tensor `x` sliced down to the adapter, cannot reach a backward: with a tensor,
# `torch.cat(x, dim=1)` right after the write raises TypeError ("must be tuple of Tensors, not
# Tensor"), and the tensor-label path also fails on the list that forward_single_task returns.
# The linter follows the per-label path of the base class's forward, where `x[mask]` is a
# tensor (also with `x` unannotated), down to the adapter, and reads the list idiom as a write
# into a view of that tensor; it does not use that `torch.cat(x)` right after needs a list or
# tuple, so that a tensor `x` cannot get past it.  Without the per-label path it is quiet; with
# the adapter called directly on a slice of the annotated tensor it is an **error**.
# Checked below: the list path trains with the right gradient for `alphas`.  (Called with a
# tensor, `net.layer(torch.randn(2, 4, 3), 1)`, it raises TypeError at the torch.cat, in the
# forward; not run here, as that call would add a tensor caller of its own to the file.)
import torch
from torch import nn


class Adapter(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.n = n
        if n > 0:  # the first column has no adapter
            self.alphas = nn.Parameter(torch.randn(n, dtype=torch.float64))
            self.lin = nn.Linear(3 * n, 3, dtype=torch.float64)

    def forward(self, x):
        if self.n == 0:
            return 0
        assert len(x) == self.n
        for i, el in enumerate(x):
            x[i] = self.alphas[i] * el  # a list slot: no tensor is written
        x = torch.cat(x, dim=1)  # a tensor x would raise TypeError here
        return self.lin(x)


class Column(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.lin = nn.Linear(3, 3, dtype=torch.float64)
        self.adapter = Adapter(n)

    def forward(self, x):
        prev_xs, last_x = x[:-1], x[-1]
        hs = self.adapter(prev_xs)
        hs += self.lin(last_x)
        return hs


class MultiTask(nn.Module):
    def forward(self, x: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        if isinstance(labels, int):
            return self.forward_single_task(x, labels)
        out = torch.zeros(x.shape[0], 3)
        for task in torch.unique(labels):
            mask = labels == task
            out[mask] = self.forward_single_task(x[mask], task.item())
        return out


class Layer(MultiTask):
    def __init__(self):
        super().__init__()
        self.columns = nn.ModuleList([Column(0), Column(1)])

    def forward_single_task(self, x, label):
        hs = []
        for ii in range(label + 1):
            hs.append(self.columns[ii](x[: ii + 1]))
        return hs


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = Layer()

    def forward(self, x, label):
        xs = [x for _ in range(2)]  # as PNN does: one input per column, a list
        return self.layer(xs, label)[-1]


torch.manual_seed(0)
net = Net()
x = torch.randn(4, 3, dtype=torch.float64)
net(x, 1).sum().backward()
adapter = net.layer.columns[1].adapter
expected = (adapter.lin.weight.sum(0) * x).sum()  # d/d alpha of sum(lin(alpha * x))
assert torch.allclose(adapter.alphas.grad[0], expected)
