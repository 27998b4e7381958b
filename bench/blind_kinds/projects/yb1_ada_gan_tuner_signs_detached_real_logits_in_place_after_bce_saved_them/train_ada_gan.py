import torch

from adagan import D_LOSSES, G_LOSSES, AdaTuner, Discriminator, Generator, d_step, g_step

CONFIG = {"loss": "nonsaturating", "z_dim": 8, "batch": 6, "steps": 3, "ada": {"target": 0.6, "speed": 0.05}}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    G, D = Generator(cfg["z_dim"]), Discriminator()
    g_opt = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.0, 0.99))
    d_opt = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.0, 0.99))
    tuner = AdaTuner(**cfg["ada"])
    d_loss, g_loss = D_LOSSES[cfg["loss"]], G_LOSSES[cfg["loss"]]
    for _ in range(cfg["steps"]):
        real = torch.rand(cfg["batch"], 3, 6, 6) * 2 - 1
        d_step(G, D, d_opt, tuner, d_loss, real, torch.randn(cfg["batch"], cfg["z_dim"]))  # L
        g_step(G, D, g_opt, tuner, g_loss, torch.randn(cfg["batch"], cfg["z_dim"]))
    print("ada p", tuner.p)


if __name__ == "__main__":
    main()
