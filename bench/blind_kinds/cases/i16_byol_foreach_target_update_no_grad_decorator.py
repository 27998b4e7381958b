import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(d_in, d_hidden, d_out):
    return nn.Sequential(nn.Linear(d_in, d_hidden), nn.BatchNorm1d(d_hidden), nn.ReLU(), nn.Linear(d_hidden, d_out))


class BYOL(nn.Module):
    def __init__(self, d_in=6, dim=8, tau=0.99):
        super().__init__()
        self.online = nn.Sequential(mlp(d_in, 16, dim), mlp(dim, 16, dim))  # encoder + projector
        self.predictor = mlp(dim, 16, dim)
        self.target = copy.deepcopy(self.online)
        self.tau = tau

    @torch.no_grad()
    def update_target(self):
        tgt = list(self.target.parameters())
        src = [p.detach() for p in self.online.parameters()]
        torch._foreach_mul_(tgt, self.tau)  # L
        torch._foreach_add_(tgt, src, alpha=1.0 - self.tau)  # L

    def loss(self, v1, v2):
        p1, p2 = self.predictor(self.online(v1)), self.predictor(self.online(v2))
        with torch.no_grad():
            z1, z2 = self.target(v1), self.target(v2)
        sim = lambda p, z: 2 - 2 * F.cosine_similarity(p, z, dim=-1).mean()
        return sim(p1, z2) + sim(p2, z1)


def run():
    torch.manual_seed(0)
    model = BYOL()
    opt = torch.optim.SGD([*model.online.parameters(), *model.predictor.parameters()], lr=0.05)
    x = torch.randn(8, 6)
    augment = lambda t: t + 0.1 * torch.randn_like(t)
    for _ in range(3):
        loss = model.loss(augment(x), augment(x))
        opt.zero_grad()
        loss.backward()
        opt.step()
        model.update_target()
