"""Adversarial weight perturbation (Wu et al. 2020) on top of PGD adversarial training: a proxy copy
finds the worst-case weight direction, the perturbation is added to the model's weights, the robust
loss is taken at the perturbed weights, and the perturbation is removed after the optimizer step,
as the paper's code does."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


def diff_in_weights(model, proxy):
    diff = {}
    for (name, w), (_, pw) in zip(model.named_parameters(), proxy.named_parameters()):
        if w.dim() <= 1:
            continue  # AWP skips biases and norms
        d = pw.detach() - w.detach()
        diff[name] = w.norm() / (d.norm() + 1e-20) * d
    return diff


class AdvWeightPerturb:
    def __init__(self, model, gamma=0.01):
        self.model = model
        self.proxy = copy.deepcopy(model)
        self.proxy_opt = torch.optim.SGD(self.proxy.parameters(), lr=0.01)
        self.gamma = gamma

    def calc_awp(self, x_adv, y):
        self.proxy.load_state_dict(self.model.state_dict())
        self.proxy.train()
        loss = -F.cross_entropy(self.proxy(x_adv), y)
        self.proxy_opt.zero_grad()
        loss.backward()
        self.proxy_opt.step()
        return diff_in_weights(self.model, self.proxy)

    @torch.no_grad()
    def _add(self, diff, coeff):
        params = dict(self.model.named_parameters())
        for name, d in diff.items():
            params[name].add_(coeff * self.gamma * d)  # L

    def perturb(self, diff):
        self._add(diff, 1.0)

    def restore(self, diff):
        self._add(diff, -1.0)  # L


def pgd(model, x, y, eps=0.1, alpha=0.05, steps=2):
    delta = torch.empty_like(x).uniform_(-eps, eps)
    for _ in range(steps):
        delta.requires_grad_(True)
        loss = F.cross_entropy(model(x + delta), y)
        (g,) = torch.autograd.grad(loss, delta)
        delta = (delta.detach() + alpha * g.sign()).clamp(-eps, eps)
    return (x + delta).detach()


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 12), nn.ReLU(), nn.Linear(12, 3))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    awp = AdvWeightPerturb(model)
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        model.eval()
        x_adv = pgd(model, x, y)
        model.train()
        diff = awp.calc_awp(x_adv, y)
        awp.perturb(diff)
        loss = F.cross_entropy(model(x_adv), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        awp.restore(diff)  # L
