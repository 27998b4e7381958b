import torch
import torch.nn as nn

from engine import Trainer
from sparse import GradualPruner

CFG = {
    "prune": {"layer_types": ("Linear",), "final": 0.6, "begin": 0, "end": 3},
    "prune_on": "step_end",
    "steps": 4,
}


def build_model():
    return nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 3))


def main(cfg=CFG):
    torch.manual_seed(0)
    model = build_model()
    pruner = GradualPruner(model, **cfg["prune"])
    trainer = Trainer(model, torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9))
    trainer.add_handler(cfg["prune_on"], pruner.tighten)
    for _ in range(cfg["steps"]):
        trainer.train_step(torch.randn(8, 6), torch.randint(0, 3, (8,)))  # L
    print("density", round(pruner.density(), 3))


if __name__ == "__main__":
    main()
