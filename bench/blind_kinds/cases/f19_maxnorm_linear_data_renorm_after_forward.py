import torch
import torch.nn as nn
import torch.nn.functional as F


class MaxNormLinear(nn.Linear):
    """Linear layer whose rows are kept inside a ball of radius max_norm."""

    def __init__(self, in_features, out_features, max_norm=1.0, **kwargs):
        super().__init__(in_features, out_features, **kwargs)
        self.max_norm = max_norm

    def renorm_(self):
        w = self.weight.data
        norms = w.norm(dim=1, keepdim=True).clamp(min=self.max_norm)
        w.mul_(self.max_norm / norms)  # L

    def forward(self, x):
        out = F.linear(x, self.weight, self.bias)
        if self.training:
            self.renorm_()  # L
        return out


def build(seed=0):
    torch.manual_seed(seed)
    layer = MaxNormLinear(4, 3, max_norm=0.5)
    with torch.no_grad():
        # rows well outside the ball, so renorm_ changes them
        layer.weight.mul_(4)
    return layer


def run():
    layer = build()
    x = torch.randn(2, 4, requires_grad=True)
    torch.tanh(layer(x)).sum().backward()


def silent_hazard():
    """True when the gradient torch computes differs from the true one (no error is raised)."""
    layer = build()
    w0 = layer.weight.detach().clone()
    x = torch.randn(2, 4, requires_grad=True)
    torch.tanh(layer(x)).sum().backward()
    xt = x.detach().clone().requires_grad_(True)
    torch.tanh(F.linear(xt, w0, layer.bias.detach())).sum().backward()
    return not torch.allclose(x.grad, xt.grad)
