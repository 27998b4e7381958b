import torch
import torch.nn as nn
import torch.nn.functional as F


class Gen(nn.Module):
    def __init__(self, z, d):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(z, 16), nn.ReLU(), nn.Linear(16, d))

    def forward(self, z):
        return torch.tanh(self.net(z))


class Disc(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))

    def forward(self, x):
        return self.net(x)


def train_step(G, D, opt_g, opt_d, real):
    z = torch.randn(real.size(0), 4)
    fake = G(z)
    d_fake = D(fake)
    d_real = D(real)
    d_loss = F.softplus(d_fake).mean() + F.softplus(-d_real).mean()
    opt_d.zero_grad()
    d_loss.backward(retain_graph=True)
    opt_d.step()  # L
    g_loss = F.softplus(-d_fake).mean()
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()


def run():
    torch.manual_seed(0)
    G, D = Gen(4, 6), Disc(6)
    opt_g = torch.optim.Adam(G.parameters(), 1e-3)
    opt_d = torch.optim.Adam(D.parameters(), 1e-3)
    train_step(G, D, opt_g, opt_d, torch.randn(5, 6))
