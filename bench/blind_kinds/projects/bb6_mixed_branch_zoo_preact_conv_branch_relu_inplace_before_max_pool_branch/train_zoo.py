import torch
import torch.nn.functional as F

import zoo

CONFIG = {
    "arch": "mixnet_tiny",
    "model": {"num_classes": 5, "width": 4, "branches": ("conv3", "pool"), "act": "relu"},
    "lr": 0.05,
    "steps": 3,
}


def main(cfg):
    torch.manual_seed(0)
    model = zoo.build(cfg["arch"], **cfg["model"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    for step in range(cfg["steps"]):
        x, y = torch.randn(4, 3, 8, 8), torch.randint(0, 5, (4,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main(CONFIG)
