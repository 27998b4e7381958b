import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

import models
from engine.trainer import Trainer
from sparsity import MagnitudePruner

CFG = {
    "model": {"d_in": 6, "dim": 8, "hidden": 16, "depth": 3, "n_classes": 3},
    "prune": {"targets": ["block.fc1", "block.fc2"], "sparsity": 0.5, "mode": "after_step"},
    "optim": {"lr": 0.05, "momentum": 0.9},
    "epochs": 2,
}


def make_loader(n=12, d_in=6, batch_size=4):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(n, d_in, generator=g)
    y = torch.randint(0, 3, (n,), generator=g)
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=True, generator=g)


def main(cfg=CFG):
    torch.manual_seed(0)
    model = models.UniversalMLP(**cfg["model"])
    pruner = MagnitudePruner(model, **cfg["prune"])
    opt = torch.optim.SGD(model.parameters(), **cfg["optim"])
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
    trainer = Trainer(model, opt, nn.CrossEntropyLoss(), scheduler=sched, callbacks=[pruner])
    history = trainer.fit(make_loader(d_in=cfg["model"]["d_in"]), epochs=cfg["epochs"])  # L
    print("loss", round(history[-1], 4), "density", round(pruner.density(), 3))


if __name__ == "__main__":
    main()
