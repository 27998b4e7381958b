"""IndRNN (Li et al. 2018) with a learned initial state: the recurrent weights are kept in
[-u_max, u_max] as the paper asks, clipped through .data once, before the time loop reads them."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class IndRNN(nn.Module):
    def __init__(self, d_in, d_hidden, u_max=0.9):
        super().__init__()
        self.inp = nn.Linear(d_in, d_hidden)
        self.u = nn.Parameter(torch.empty(d_hidden).uniform_(-1.5, 1.5))
        self.h0 = nn.Parameter(torch.randn(d_hidden) * 0.5)
        self.u_max = u_max

    def forward(self, x):
        h = self.h0.expand(x.shape[0], -1)
        pre = self.inp(x)
        self.u.data.clamp_(-self.u_max, self.u_max)  # L
        for t in range(x.shape[1]):
            h = F.relu(pre[:, t] + self.u * h)
        return h


def make_model():
    torch.manual_seed(0)
    return nn.ModuleDict({"rnn": IndRNN(3, 6), "head": nn.Linear(6, 2)})


def grads(model, x, y):
    model.zero_grad()
    F.cross_entropy(model["head"](model["rnn"](x)), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def reference_grads(model, x, y):
    """The same forward values with the clip written as a straight-through estimator."""
    rnn = model["rnn"]
    h = rnn.h0.expand(x.shape[0], -1)
    pre = rnn.inp(x)
    u = rnn.u + (rnn.u.clamp(-rnn.u_max, rnn.u_max) - rnn.u).detach()
    for t in range(x.shape[1]):
        h = F.relu(pre[:, t] + u * h)
    model.zero_grad()
    F.cross_entropy(model["head"](h), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.manual_seed(1)
    for _ in range(2):
        x, y = torch.randn(5, 4, 3), torch.randint(0, 2, (5,))
        grads(model, x, y)
        opt.step()


def silent_hazard():
    torch.manual_seed(1)
    x, y = torch.randn(5, 4, 3), torch.randint(0, 2, (5,))
    got = grads(make_model(), x, y)
    ref = reference_grads(make_model(), x, y)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
