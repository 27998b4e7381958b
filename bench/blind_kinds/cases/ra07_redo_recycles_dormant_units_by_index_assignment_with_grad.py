"""ReDo (Sokar et al., 2023): recycle dormant ReLU units every few steps of training."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self, sizes=(5, 12, 12, 2)):
        super().__init__()
        self.linears = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.acts = nn.ModuleList(nn.ReLU() for _ in sizes[2:])

    def forward(self, x):
        for fc, act in zip(self.linears, self.acts):
            x = act(fc(x))
        return self.linears[-1](x)


class ReDo:
    def __init__(self, model, tau=0.5):
        self.tau = tau
        self.pairs = list(zip(model.linears, model.linears[1:]))
        self.outputs = {}
        for i, act in enumerate(model.acts):
            act.register_forward_hook(lambda mod, inp, out, i=i: self.outputs.__setitem__(i, out.detach()))

    def dormant(self, i):
        score = self.outputs[i].abs().mean(0)
        return score <= self.tau * score.mean()

    def recycle(self):
        for i, (fc_in, fc_out) in enumerate(self.pairs):
            dead = self.dormant(i)
            fresh = torch.empty_like(fc_in.weight)
            nn.init.kaiming_uniform_(fresh, a=math.sqrt(5))
            fc_in.weight[dead] = fresh[dead]  # L
            fc_in.bias[dead] = 0.0  # L
            fc_out.weight[:, dead] = 0.0  # L


def run(every=2):
    torch.manual_seed(0)
    model = MLP()
    redo = ReDo(model)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for step in range(1, 4):
        x, y = torch.randn(16, 5), torch.randn(16, 2)
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % every == 0:
            redo.recycle()  # L
