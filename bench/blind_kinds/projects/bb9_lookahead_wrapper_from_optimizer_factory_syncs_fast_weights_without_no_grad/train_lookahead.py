import torch
import torch.nn as nn

from engine import TrainConfig, Trainer
from optim import build_optimizer


def main():
    torch.manual_seed(0)
    cfg = TrainConfig(optimizer="adam", lr=1e-2, lookahead_k=2)
    model = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 3))
    batches = [(torch.randn(8, 6), torch.randint(0, 3, (8,))) for _ in range(3)]
    trainer = Trainer(model, build_optimizer(model.parameters(), cfg), cfg)
    trainer.fit(batches)  # L


if __name__ == "__main__":
    main()
