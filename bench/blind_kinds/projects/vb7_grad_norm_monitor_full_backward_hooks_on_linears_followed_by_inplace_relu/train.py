"""Train an MLP regressor with a gradient-norm monitor that records, per layer, the norm of the
gradient flowing out of each Linear (to spot vanishing gradients while training)."""
import torch
import torch.nn as nn

from models import build_mlp
from monitor import GradNormMonitor

CONFIG = {"dims": [6, 32, 32, 1], "act": "relu", "watch": ["Linear"], "lr": 1e-2, "steps": 3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_mlp(cfg["dims"], cfg["act"])
    monitor = GradNormMonitor([getattr(nn, name) for name in cfg["watch"]])
    monitor.attach(model)  # L
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    x, y = torch.randn(16, 6), torch.randn(16, 1)
    for step in range(cfg["steps"]):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)  # L
        loss.backward()
        opt.step()
        print(step, float(loss), monitor.summary())


if __name__ == "__main__":
    main()
