import torch
import torch.nn as nn

from trainer.loop import fit


def main():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    data = [(torch.randn(5, 4), torch.randint(0, 3, (5,))) for _ in range(2)]
    fit(model, data)  # L


if __name__ == "__main__":
    main()
