import torch
import torch.nn as nn

from trainer.mean_teacher import MeanTeacherTrainer


def make_model(d_in=6, n_classes=3, width=16):
    return nn.Sequential(
        nn.Linear(d_in, width), nn.BatchNorm1d(width), nn.ReLU(inplace=True),
        nn.Linear(width, n_classes),
    )


def main():
    torch.manual_seed(0)
    trainer = MeanTeacherTrainer(make_model(), cons_weight=0.5, lr=0.1)
    for _ in range(2):
        batch = (torch.randn(8, 6), torch.randint(0, 3, (8,)), torch.randn(8, 6))
        trainer.train_step(batch)  # L
    print("done")


if __name__ == "__main__":
    main()
