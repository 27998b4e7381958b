"""Gradient-norm regularisation (explicit form of implicit gradient regularisation, Barrett &
Dherin 2021): the loss is backpropagated with create_graph=True, the squared norm of the
parameter gradients is added as a penalty and backpropagated in turn. The training loop clips the
gradients (torch's clip_grad_norm_) between the two backward calls."""
import torch
import torch.nn as nn
import torch.nn.functional as F

PENALTY = 0.05


def make_model():
    return nn.Sequential(nn.Linear(5, 16), nn.SiLU(), nn.Linear(16, 3))


def train_step(model, opt, x, y):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward(create_graph=True)
    params = [p for p in model.parameters() if p.grad is not None]
    grad_norm_sq = sum(p.grad.pow(2).sum() for p in params)
    nn.utils.clip_grad_norm_(params, max_norm=1.0)  # L
    (PENALTY * grad_norm_sq).backward()
    for p in params:
        p.grad = p.grad.detach()
    opt.step()
    return loss.item()


def run():
    torch.manual_seed(0)
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(8, 5), torch.randint(0, 3, (8,))
        train_step(model, opt, x, y)
