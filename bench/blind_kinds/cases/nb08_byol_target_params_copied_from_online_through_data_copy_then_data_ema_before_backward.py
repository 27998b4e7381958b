"""BYOL whose target encoder is initialised from the online encoder with
``pt.data.copy_(po.data)`` (its own storage, the same values).  The target is then moved by an EMA
written through ``.data`` right after the forward, before ``backward()``: it writes only the
target's parameters, which the no_grad target forward did not save."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(d_in, d_hidden, d_out):
    return nn.Sequential(nn.Linear(d_in, d_hidden), nn.ReLU(), nn.Linear(d_hidden, d_out))


class BYOL(nn.Module):
    def __init__(self, d_in=10, dim=8):
        super().__init__()
        self.online = mlp(d_in, 16, dim)
        self.predictor = mlp(dim, 16, dim)
        self.target = mlp(d_in, 16, dim)
        for pt, po in zip(self.target.parameters(), self.online.parameters()):
            pt.data.copy_(po.data)
            pt.requires_grad = False

    def update_target(self, tau):
        for pt, po in zip(self.target.parameters(), self.online.parameters()):
            pt.data.mul_(tau).add_(po.data, alpha=1 - tau)  # L

    def forward(self, x1, x2):
        p1, p2 = self.predictor(self.online(x1)), self.predictor(self.online(x2))
        with torch.no_grad():
            t1, t2 = self.target(x1), self.target(x2)
        return regression(p1, t2) + regression(p2, t1)


def regression(p, t):
    return (2 - 2 * F.cosine_similarity(p, t, dim=-1)).mean()


def views():
    g = torch.Generator().manual_seed(1)
    x = torch.randn(6, 10, generator=g)
    return x + 0.1 * torch.randn(6, 10, generator=g), x + 0.1 * torch.randn(6, 10, generator=g)


def grads(update_before_backward):
    torch.manual_seed(0)
    model = BYOL()
    loss = model(*views())
    if update_before_backward:
        model.update_target(0.9)  # L
    loss.backward()
    return [p.grad.clone() for p in model.parameters() if p.requires_grad]


def run():
    torch.manual_seed(0)
    model = BYOL()
    opt = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.05, momentum=0.9)
    for _ in range(2):
        loss = model(*views())
        model.update_target(0.9)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()


def silent_hazard():
    got, want = grads(True), grads(False)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, want))
