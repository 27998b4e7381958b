"""A small pre-activation ResNet (batch norm) on random images."""
import torch
import torch.nn.functional as F

from preact import PreActResNet

CONFIG = {
    "stem": 8,
    "widths": [12, 16],
    "depths": [2, 1],
    "norm": "bn",  # L
    "act": "relu",
    "classes": 4,
    "lr": 0.05,
    "steps": 2,
}


def train(cfg):
    torch.manual_seed(0)
    model = PreActResNet(cfg)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, nesterov=True)
    for step in range(cfg["steps"]):
        x, y = torch.randn(4, 3, 8, 8), torch.randint(0, cfg["classes"], (4,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    train(CONFIG)
