"""Constrained training by gradient descent-ascent: a Lagrange multiplier keeps mean activation under a budget."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SparseNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(4, 12), nn.Linear(12, 3)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        return self.fc2(h), h.mean()


class Lagrangian:
    def __init__(self, budget, lr=0.1):
        self.budget = budget
        self.lam = torch.zeros((), requires_grad=True)
        self.opt = torch.optim.SGD([self.lam], lr=lr, maximize=True)

    def __call__(self, task_loss, activity):
        return task_loss + self.lam * (activity - self.budget)

    def ascend(self):
        self.opt.step()
        self.opt.zero_grad()
        # the multiplier of an inequality constraint stays non-negative
        self.lam.data.clamp_(min=0.0)  # L


def run():
    torch.manual_seed(0)
    net = SparseNet()
    primal = torch.optim.Adam(net.parameters(), lr=1e-2)
    dual = Lagrangian(budget=0.05)
    for _ in range(3):
        x, y = torch.randn(8, 4), torch.randint(0, 3, (8,))
        logits, activity = net(x)
        loss = dual(F.cross_entropy(logits, y), activity)
        primal.zero_grad()
        loss.backward()
        primal.step()
        dual.ascend()  # L
