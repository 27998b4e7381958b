"""Gradual magnitude pruning of a small CNN (Zhu & Gupta's cubic schedule): after every optimizer
step the pruner recomputes masks for the layers the config names and re-applies them."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from sparsify import GradualPruner, PruneConfig, SmallCNN  # noqa: E402


def main():
    torch.manual_seed(0)
    cfg = PruneConfig(targets=("conv1", "conv2", "fc"), final_sparsity=0.6, steps=4)
    model = SmallCNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    pruner = GradualPruner(model, cfg)
    for step in range(cfg.steps):
        x, y = torch.randn(4, 1, 8, 8), torch.randint(0, 3, (4,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        pruner.step(step)
    print(float(loss), pruner.sparsity(step))


if __name__ == "__main__":
    main()
