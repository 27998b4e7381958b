# From neuralforecast 3.3.0, neuralforecast/models/kan.py:229
# (`self.spline_weight.data.copy_(self.curve2coeff(...))` in KANLinear.update_grid, called from
# KAN.forward's `for layer in self.layers: if update_grid: layer.update_grid(y_pred); y_pred =
# layer(y_pred)`), reported as IPL004 warning "`self.spline_weight.data` writes through `.data`
# to a tensor that `mul` at line 166 in the previous iteration (its input) saved for backward;
# autograd does not see the write and gradients will be silently wrong [via update_grid() called
# at line 482]".  Safe: the layers of the ModuleList are distinct modules built one per
# iteration, so the mul of the previous iteration saved the PREVIOUS layer's weight; each
# iteration's write goes to its own layer's weight before that layer's forward saves it.  The
# linter takes `layer` in two iterations for the same module.  (KAN never passes
# update_grid=True itself; a user may.)  With the list built as a comprehension
# (`nn.ModuleList([Layer(3) for _ in range(2)])`) the same code is an IPL004 **error**, also
# false.  Checked below: the gradients equal those of a second, refit-free forward on the
# refitted weights.
import torch
from torch import nn


class Layer(nn.Module):
    def __init__(self, n, standalone_scale=True):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n, n, dtype=torch.float64))
        self.scale = nn.Parameter(torch.ones(n, 1, dtype=torch.float64))
        self.standalone_scale = standalone_scale

    @property
    def scaled_weight(self):
        return self.weight * (self.scale if self.standalone_scale else 1.0)  # mul saves weight

    def forward(self, x):
        return x @ self.scaled_weight

    @torch.no_grad()
    def refit(self, x):
        self.weight.data.copy_(torch.linalg.lstsq(x, x @ self.scaled_weight).solution)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList()
        for _ in range(2):  # as KAN builds them: one new layer per pass
            self.layers.append(Layer(3))

    def forward(self, x, refit=False):
        y = x.clone()
        for layer in self.layers:
            if refit:
                layer.refit(y)  # writes this layer's weight, which no op has saved yet
            y = layer(y)
        return y


torch.manual_seed(0)
net = Net()
x = torch.randn(5, 3, dtype=torch.float64)
net(x, refit=True).sum().backward()
got = [p.grad.clone() for p in net.parameters()]
net.zero_grad()
net(x).sum().backward()  # the same weights, no write during the forward
assert all(torch.allclose(a, p.grad) for a, p in zip(got, net.parameters()))
