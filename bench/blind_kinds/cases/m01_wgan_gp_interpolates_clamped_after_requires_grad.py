import enum

import torch
import torch.nn as nn


class Objective(enum.Enum):
    WGAN_GP = "wgan-gp"
    HINGE = "hinge"


def critic_net(x_dim=6, hidden=32):
    return nn.Sequential(nn.Linear(x_dim, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, hidden),
                         nn.LeakyReLU(0.2), nn.Linear(hidden, 1))


def gradient_penalty(critic, real, fake):
    alpha = torch.rand(real.size(0), 1)
    x_hat = alpha * real + (1 - alpha) * fake.detach()
    x_hat.requires_grad_(True)
    # keep the interpolates inside the data range the generator's tanh can reach
    x_hat.clamp_(-1.0, 1.0)  # L
    scores = critic(x_hat)
    (grads,) = torch.autograd.grad(scores.sum(), x_hat, create_graph=True)
    return ((grads.norm(2, dim=1) - 1) ** 2).mean()


def critic_loss(objective, critic, real, fake, gp_weight=10.0):
    match objective:
        case Objective.WGAN_GP:
            loss = critic(fake.detach()).mean() - critic(real).mean()
            return loss + gp_weight * gradient_penalty(critic, real, fake)  # L
        case Objective.HINGE:
            return torch.relu(1 - critic(real)).mean() + torch.relu(1 + critic(fake.detach())).mean()
        case _:
            raise ValueError(objective)


def train(objective=Objective("wgan-gp"), steps=2, n_critic=2):
    torch.manual_seed(0)
    G = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 6), nn.Tanh())
    D = critic_net()
    opt_g = torch.optim.Adam(G.parameters(), lr=1e-4, betas=(0.0, 0.9))
    opt_d = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.0, 0.9))
    for _ in range(steps):
        for _ in range(n_critic):
            real = torch.rand(8, 6) * 2 - 1
            fake = G(torch.randn(8, 4))
            d_loss = critic_loss(objective, D, real, fake)
            opt_d.zero_grad()
            d_loss.backward()
            opt_d.step()
        g_loss = -D(G(torch.randn(8, 4))).mean()
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()


def run():
    train()
