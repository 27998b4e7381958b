import torch

from gan import Discriminator, Generator, GANTrainer

CONFIG = {
    "lr": {"g": 2e-4, "d": 2e-4},
    "betas": (0.5, 0.999),
    "step_order": ["g", "d"],
    "epochs": 2,
}


def main(cfg):
    torch.manual_seed(0)
    gen, disc = Generator(), Discriminator()
    optimizers = {
        "g": torch.optim.Adam(gen.parameters(), lr=cfg["lr"]["g"], betas=cfg["betas"]),
        "d": torch.optim.Adam(disc.parameters(), lr=cfg["lr"]["d"], betas=cfg["betas"]),
    }
    batches = [torch.rand(16, 12) * 2 - 1 for _ in range(3)]
    trainer = GANTrainer(gen, disc, optimizers, step_order=cfg["step_order"])
    trainer.fit(batches, epochs=cfg["epochs"])  # L


if __name__ == "__main__":
    main(CONFIG)
