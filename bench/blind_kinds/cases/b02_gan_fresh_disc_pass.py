import torch
import torch.nn as nn
import torch.nn.functional as F


def make_mlp(i, o):
    return nn.Sequential(nn.Linear(i, 16), nn.LeakyReLU(0.2, inplace=True), nn.Linear(16, o))


def train_step(G, D, opt_g, opt_d, real):
    fake = G(torch.randn(real.size(0), 4))
    d_loss = F.softplus(D(fake.detach())).mean() + F.softplus(-D(real)).mean()
    opt_d.zero_grad()
    d_loss.backward()
    opt_d.step()  # L
    g_loss = F.softplus(-D(fake)).mean()
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()


def run():
    torch.manual_seed(0)
    G, D = make_mlp(4, 6), make_mlp(6, 1)
    opt_g = torch.optim.SGD(G.parameters(), 0.1)
    opt_d = torch.optim.SGD(D.parameters(), 0.1)
    for _ in range(2):
        train_step(G, D, opt_g, opt_d, torch.randn(5, 6))
