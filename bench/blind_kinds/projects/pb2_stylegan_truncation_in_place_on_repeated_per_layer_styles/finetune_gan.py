"""Few-shot adaptation of a small StyleGAN-like generator: the generator is fine-tuned on a handful of
target samples with a truncated latent distribution (psi < 1 keeps the samples near the source
domain's mean style), with the non-saturating loss."""
import torch
import torch.nn.functional as F

from tinygan import Discriminator, Generator

CONFIG = {
    "z_dim": 8, "w_dim": 8, "mapping_depth": 3, "mapping_act": "lrelu",
    "synthesis_dims": [16, 16, 16], "out_dim": 12,
    "truncate_at": "styles",  # L
    "psi": 0.7, "lr": 2e-3, "steps": 2, "batch": 6,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    G, D = Generator(cfg), Discriminator(cfg["out_dim"])
    g_opt = torch.optim.Adam(G.parameters(), lr=cfg["lr"], betas=(0.0, 0.99))
    d_opt = torch.optim.Adam(D.parameters(), lr=cfg["lr"], betas=(0.0, 0.99))
    target = torch.tanh(torch.randn(10, cfg["out_dim"]))
    for step in range(cfg["steps"]):
        real = target[torch.randint(0, 10, (cfg["batch"],))]
        z = torch.randn(cfg["batch"], cfg["z_dim"])
        fake = G(z, cfg["psi"])  # L
        d_loss = F.softplus(D(fake.detach())).mean() + F.softplus(-D(real)).mean()
        d_opt.zero_grad()
        d_loss.backward()
        d_opt.step()
        g_loss = F.softplus(-D(fake)).mean()
        g_opt.zero_grad()
        g_loss.backward()
        g_opt.step()
        print(step, d_loss.item(), g_loss.item())


if __name__ == "__main__":
    main()
