import torch

from gan import Discriminator, GANTrainer, Generator
from gan.trainer import GANConfig


def main():
    torch.manual_seed(0)
    cfg = GANConfig()
    trainer = GANTrainer(Generator(cfg.z_dim), Discriminator(), cfg)
    data = torch.rand(12, 6) * 2 - 1
    for real in data.split(4):
        print(trainer.step(real))  # L


if __name__ == "__main__":
    main()
