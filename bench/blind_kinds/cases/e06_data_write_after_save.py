import torch
import torch.nn as nn


class Clipped(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(3))

    def forward(self, x):
        out = torch.tanh(x * self.w)
        self.w.data.clamp_(-1, 1)  # L
        return out


def run():
    torch.manual_seed(0)
    m = Clipped()
    m(torch.randn(3, requires_grad=True)).sum().backward()


def silent_hazard():
    """True when the gradient torch computes differs from the true one (no error is raised)."""
    torch.manual_seed(0)
    m = Clipped()
    with torch.no_grad():
        m.w.mul_(3)  # weights outside [-1, 1], so the clamp changes them
    w0 = m.w.detach().clone()
    x = torch.randn(3, requires_grad=True)
    m(x).sum().backward()
    true = (1 - torch.tanh(x.detach() * w0) ** 2) * w0
    return not torch.allclose(x.grad, true)
