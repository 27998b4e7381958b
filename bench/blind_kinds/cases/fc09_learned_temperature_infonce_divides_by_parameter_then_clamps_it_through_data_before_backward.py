"""InfoNCE between two views with a learned temperature kept directly as a parameter (logits / tau);
a guard clamps tau to a floor through .data between the loss and backward, so the division's
saved tau is not the one the forward used."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Contrast(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(6, 12), nn.ReLU(), nn.Linear(12, 8))
        self.tau = nn.Parameter(torch.tensor(0.02))

    def temperature(self):
        return self.tau

    def forward(self, a, b):
        za, zb = F.normalize(self.enc(a), dim=1), F.normalize(self.enc(b), dim=1)
        logits = za @ zb.t() / self.temperature()
        return F.cross_entropy(logits, torch.arange(len(a)))

    def guard(self, floor=0.05):
        self.tau.data.clamp_(min=floor)  # L


def grads(model, a, b, guard):
    model.zero_grad()
    loss = model(a, b)
    if guard:
        model.guard()
    loss.backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    torch.manual_seed(0)
    model = Contrast()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(2):
        a, b = torch.randn(5, 6), torch.randn(5, 6)
        loss = model(a, b)
        model.guard()
        opt.zero_grad()
        loss.backward()
        opt.step()


def silent_hazard():
    torch.manual_seed(0)
    model = Contrast()
    a, b = torch.randn(5, 6), torch.randn(5, 6)
    state = {k: v.clone() for k, v in model.state_dict().items()}
    got = grads(model, a, b, guard=True)
    model.load_state_dict(state)
    want = grads(model, a, b, guard=False)
    return any(not torch.allclose(g, w) for g, w in zip(got, want))
