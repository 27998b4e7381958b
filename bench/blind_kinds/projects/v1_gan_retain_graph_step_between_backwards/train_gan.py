import torch

import gan

CFG = {"latent": 4, "data": 2, "steps": 3, "batch": 8, "lr": 1e-3, "r1": 0.1}


def make_optimizers(G, D, lr):
    return {"g": torch.optim.Adam(G.parameters(), lr=lr, betas=(0.0, 0.9)),
            "d": torch.optim.Adam(D.parameters(), lr=lr, betas=(0.0, 0.9))}


def main(cfg=CFG):
    torch.manual_seed(0)
    G, D = gan.Generator(cfg["latent"], cfg["data"]), gan.Critic(cfg["data"])
    opts = make_optimizers(G, D, cfg["lr"])
    for _ in range(cfg["steps"]):
        real = torch.randn(cfg["batch"], cfg["data"]) + torch.tensor([2.0, -1.0])
        logs = gan.adversarial_step(G, D, opts, real, r1=cfg["r1"])  # L
    print(logs)


if __name__ == "__main__":
    main()
