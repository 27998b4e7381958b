import torch

from gan import Discriminator, GANTrainer, Generator, TrainConfig


def main():
    torch.manual_seed(0)
    cfg = TrainConfig(g_first=True)
    G = Generator(cfg.z_dim, cfg.data_dim)
    D = Discriminator(cfg.data_dim)
    trainer = GANTrainer(G, D, cfg)
    data = torch.rand(16, cfg.data_dim) * 2 - 1
    for real in data.split(8):
        logs = trainer.step(real)  # L
    print(logs)


if __name__ == "__main__":
    main()
