"""Hand-written weight normalisation (Salimans & Kingma): w = g * v / ||v||. To keep ||v|| from
drifting, the layer renormalises v to unit rows through .data on every training forward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class WNLinear(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.v = nn.Parameter(torch.randn(d_out, d_in) * 0.5)
        self.g = nn.Parameter(torch.ones(d_out, 1))
        self.b = nn.Parameter(torch.zeros(d_out))

    def weight(self):
        return self.g * self.v / self.v.norm(dim=1, keepdim=True)

    def renormalise_direction(self):
        self.v.data.div_(self.v.data.norm(dim=1, keepdim=True))  # L

    def forward(self, x):
        out = F.linear(x, self.weight(), self.b)
        if self.training:
            self.renormalise_direction()  # L
        return out


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(WNLinear(4, 6), nn.Tanh(), WNLinear(6, 2))


def grads(model, x, y):
    model.zero_grad()
    F.mse_loss(model(x), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    torch.manual_seed(1)
    for _ in range(2):
        x, y = torch.randn(5, 4), torch.randn(5, 2)
        grads(model, x, y)
        opt.step()


def silent_hazard():
    """The gradient must be the one of the weights the forward used."""
    torch.manual_seed(1)
    x, y = torch.randn(5, 4), torch.randn(5, 2)
    got = grads(make_model(), x, y)
    ref_model = make_model().eval()
    ref = grads(ref_model, x, y)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
