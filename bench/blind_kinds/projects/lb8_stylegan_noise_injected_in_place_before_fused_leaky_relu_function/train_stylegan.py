import torch
import torch.nn as nn
import torch.nn.functional as F

from tinystyle import Generator

CONFIG = {
    "style_dim": 8,
    "channels": 4,
    "n_convs": 2,
    # noise before the activation, as in StyleGAN2
    "styled_conv_order": ("conv", "noise", "activate"),  # L
    "lr": 2e-3,
    "iters": 2,
    "batch": 4,
}


def make_discriminator():
    return nn.Sequential(nn.Conv2d(3, 4, 3, stride=2, padding=1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(16, 1))


def main(cfg=CONFIG):
    torch.manual_seed(0)
    G, D = Generator(cfg), make_discriminator()
    g_opt = torch.optim.Adam(G.parameters(), lr=cfg["lr"], betas=(0.0, 0.99))
    d_opt = torch.optim.Adam(D.parameters(), lr=cfg["lr"], betas=(0.0, 0.99))
    for it in range(cfg["iters"]):
        real = torch.rand(cfg["batch"], 3, 4, 4) * 2 - 1
        fake = G(torch.randn(cfg["batch"], cfg["style_dim"]))  # L
        d_loss = F.softplus(D(fake.detach())).mean() + F.softplus(-D(real)).mean()
        d_opt.zero_grad()
        d_loss.backward()
        d_opt.step()
        g_loss = F.softplus(-D(fake)).mean()
        g_opt.zero_grad()
        g_loss.backward()
        g_opt.step()
        print(it, d_loss.item(), g_loss.item())


if __name__ == "__main__":
    main()
