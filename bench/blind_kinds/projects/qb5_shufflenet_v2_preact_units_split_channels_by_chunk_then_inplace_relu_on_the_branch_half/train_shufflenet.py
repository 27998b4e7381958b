"""Train a tiny pre-activation ShuffleNetV2 on random images."""
import torch
import torch.nn.functional as F

from shufflev2 import ShuffleNetV2Tiny

CONFIG = {"channels": 8, "units": 3, "split": "chunk", "classes": 5, "lr": 0.05, "steps": 2}  # L


def main(cfg):
    torch.manual_seed(0)
    model = ShuffleNetV2Tiny(cfg)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, weight_decay=4e-5)
    for step in range(cfg["steps"]):
        x, y = torch.randn(4, 3, 8, 8), torch.randint(0, cfg["classes"], (4,))
        loss = F.cross_entropy(model(x), y, label_smoothing=0.1)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main(CONFIG)
