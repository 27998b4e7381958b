"""Train a toy one-stage anchor-free detector (two pyramid levels, one box per image)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from dense import DenseHead, DenseLoss

CONFIG = {
    "num_classes": 3,
    "channels": 8,
    "strides": (4, 8),
    "image_size": (32, 32),
    "decoder": {"type": "exp"},  # L
    "lr": 0.01,
    "steps": 2,
}


class Stem(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.c1 = nn.Conv2d(3, ch, 3, stride=4, padding=1)
        self.c2 = nn.Conv2d(ch, ch, 3, stride=2, padding=1)

    def forward(self, x):
        p1 = F.relu(self.c1(x))
        return [p1, F.relu(self.c2(p1))]


def random_targets(n, size):
    xy = torch.rand(n, 2) * (size - 12)
    wh = 8 + torch.rand(n, 2) * 4
    return torch.cat([xy, xy + wh], 1), torch.randint(0, CONFIG["num_classes"], (n,))


def main():
    torch.manual_seed(0)
    stem = Stem(CONFIG["channels"])
    head = DenseHead(CONFIG["channels"], CONFIG["num_classes"], CONFIG["decoder"], len(CONFIG["strides"]))
    criterion = DenseLoss(CONFIG["strides"], CONFIG["image_size"])
    opt = torch.optim.SGD([*stem.parameters(), *head.parameters()], lr=CONFIG["lr"], momentum=0.9)
    for step in range(CONFIG["steps"]):
        images = torch.randn(2, 3, *CONFIG["image_size"])
        gt_box, gt_cls = random_targets(2, CONFIG["image_size"][0])
        loss = criterion(head(stem(images)), gt_box, gt_cls)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
