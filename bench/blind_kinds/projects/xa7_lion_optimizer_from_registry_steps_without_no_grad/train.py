import torch
import torch.nn as nn

from engine import fit
from optim import build_optimizer

CFG = {"optim": {"name": "lion", "lr": 3e-4, "weight_decay": 0.1}, "clip": 1.0, "steps": 3}


def main():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 16), nn.SiLU(), nn.Linear(16, 3))
    opt = build_optimizer(model.parameters(), CFG["optim"])
    batches = [(torch.randn(8, 6), torch.randint(0, 3, (8,))) for _ in range(CFG["steps"])]
    print(fit(model, opt, batches, clip=CFG["clip"]))  # L


if __name__ == "__main__":
    main()
