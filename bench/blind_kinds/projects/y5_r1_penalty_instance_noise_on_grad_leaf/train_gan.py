import torch

from gan import Critic, Generator, R1Trainer, TrainConfig


def batches(data, batch_size):
    perm = torch.randperm(data.shape[0])
    for start in range(0, data.shape[0], batch_size):
        yield data[perm[start:start + batch_size]]


def main():
    torch.manual_seed(0)
    trainer = R1Trainer(Generator(), Critic(), TrainConfig())
    data = torch.rand(16, 6) * 2 - 1
    for real in batches(data, 8):
        d_loss, g_loss = trainer.train_step(real)  # L
        print(d_loss, g_loss)


if __name__ == "__main__":
    main()
