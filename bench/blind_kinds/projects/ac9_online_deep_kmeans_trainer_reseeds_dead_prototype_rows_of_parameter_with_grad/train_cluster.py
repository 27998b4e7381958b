"""Online deep k-means: an encoder and learnable prototypes trained on the k-means objective
(codes pulled to their nearest prototype, prototypes to their members), with empty clusters
re-seeded from the worst-served codes of the batch."""
import torch
import torch.nn as nn

from deepclust import ClusterTrainer, PrototypeHead

CONFIG = {"clusters": 4, "code": 3, "lr": 1e-2, "steps": 3, "reseed_every": 1}


def main():
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, CONFIG["code"]))
    head = PrototypeHead(CONFIG["clusters"], CONFIG["code"])
    trainer = ClusterTrainer(encoder, head, lr=CONFIG["lr"], reseed_every=CONFIG["reseed_every"])
    for step in range(CONFIG["steps"]):
        x = torch.cat([torch.randn(8, 6) + 3, torch.randn(8, 6) - 3])
        print(step, trainer.step(x))  # L


if __name__ == "__main__":
    main()
