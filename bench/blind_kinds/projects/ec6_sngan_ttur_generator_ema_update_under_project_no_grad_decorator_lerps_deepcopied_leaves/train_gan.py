import torch
import torch.nn.functional as F

from gankit import Discriminator, Generator, GeneratorEMA

# two time-scale update rule (Heusel et al. 2017): the critic learns faster than the generator
CONFIG = {"lr_g": 1e-4, "lr_d": 4e-4, "betas": (0.0, 0.9), "n_dis": 2, "steps": 2, "batch": 16}


def sample_real(n):
    angle = torch.rand(n) * 6.2832
    return torch.stack([angle.cos(), angle.sin()], 1) + 0.05 * torch.randn(n, 2)


def main(cfg=CONFIG):
    torch.manual_seed(0)
    G, D = Generator(), Discriminator()
    G_ema = GeneratorEMA(G)
    opt_g = torch.optim.Adam(G.parameters(), lr=cfg["lr_g"], betas=cfg["betas"])
    opt_d = torch.optim.Adam(D.parameters(), lr=cfg["lr_d"], betas=cfg["betas"])
    for step in range(cfg["steps"]):
        for _ in range(cfg["n_dis"]):
            real, z = sample_real(cfg["batch"]), torch.randn(cfg["batch"], G.z_dim)
            d_loss = F.relu(1 - D(real)).mean() + F.relu(1 + D(G(z).detach())).mean()
            opt_d.zero_grad()
            d_loss.backward()
            opt_d.step()
        g_loss = -D(G(torch.randn(cfg["batch"], G.z_dim))).mean()
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()
        G_ema.update(G)
        print(step, d_loss.item(), g_loss.item())


if __name__ == "__main__":
    main()
