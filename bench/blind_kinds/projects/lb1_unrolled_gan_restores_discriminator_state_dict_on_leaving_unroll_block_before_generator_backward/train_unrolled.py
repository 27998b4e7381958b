import math

import torch

from unrolled_gan import UnrolledGANTrainer, build_discriminator, build_generator

CONFIG = {
    "z_dim": 2,
    "x_dim": 2,
    "g_hidden": [16, 16],
    "d_hidden": [16],
    "lr": 1e-3,
    "batch": 8,
    "unroll_steps": 2,
    "iters": 2,
}


def ring_batch(n, modes=4):
    k = torch.randint(0, modes, (n,)).float() * (2 * math.pi / modes)
    return torch.stack([k.cos(), k.sin()], dim=1) + 0.05 * torch.randn(n, 2)


def main(cfg=CONFIG):
    torch.manual_seed(0)
    trainer = UnrolledGANTrainer(build_generator(cfg), build_discriminator(cfg), cfg)
    for it in range(cfg["iters"]):
        batches = [ring_batch(cfg["batch"]) for _ in range(1 + cfg["unroll_steps"])]
        d_loss, g_loss = trainer.train_step(batches)  # L
        print(it, round(d_loss, 4), round(g_loss, 4))


if __name__ == "__main__":
    main()
