"""A small MLP with learned PReLU slopes kept in [0, 1] ("a slope above one flips the
non-linearity"). The clip runs through .data inside the activation's forward, after F.prelu
has used (and saved) the slope for the backward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BoundedPReLU(nn.Module):
    def __init__(self, channels, init=1.5):
        super().__init__()
        # deliberately out of range at init: the clip is what keeps it bounded
        self.slope = nn.Parameter(torch.full((channels,), init))

    def forward(self, x):
        out = F.prelu(x, self.slope)
        if self.training:
            self.slope.data.clamp_(0.0, 1.0)  # L
        return out


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 6), BoundedPReLU(6), nn.Linear(6, 2))


def grads(model, x, y):
    model.zero_grad()
    F.mse_loss(model(x), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=1e-2)
    torch.manual_seed(1)
    for _ in range(2):
        x, y = torch.randn(8, 4), torch.randn(8, 2)
        grads(model, x, y)
        opt.step()


def silent_hazard():
    """The gradient must be the one of the slopes the forward used (no clip during the pass)."""
    torch.manual_seed(1)
    x, y = torch.randn(8, 4), torch.randn(8, 2)
    got = grads(make_model(), x, y)
    ref = grads(make_model().eval(), x, y)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
