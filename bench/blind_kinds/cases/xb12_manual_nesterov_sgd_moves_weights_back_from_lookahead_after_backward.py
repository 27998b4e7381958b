"""Nesterov momentum written by hand for a small CNN, in the "look-ahead" form from lecture notes:
move the weights to w + mu * v, take the gradient there, move back, then update v and w. The
move back comes after backward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 8, 3, padding=1)
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.relu(self.conv2(x))
        return self.fc(x.mean(dim=(2, 3)))


@torch.no_grad()
def shift(params, velocity, scale):
    for p, v in zip(params, velocity):
        p.add_(v, alpha=scale)  # L


@torch.no_grad()
def nesterov_update(params, velocity, lr, mu):
    for p, v in zip(params, velocity):
        v.mul_(mu).sub_(p.grad, alpha=lr)
        p.add_(v)  # L
        p.grad = None


def run():
    torch.manual_seed(0)
    model = SmallCNN()
    params = list(model.parameters())
    velocity = [torch.zeros_like(p) for p in params]
    lr, mu = 0.05, 0.9
    for _ in range(3):
        x, y = torch.randn(4, 1, 8, 8), torch.randint(0, 3, (4,))
        shift(params, velocity, mu)  # L
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        shift(params, velocity, -mu)  # L
        nesterov_update(params, velocity, lr, mu)  # L
