import torch
import torch.nn as nn
import torch.nn.functional as F

from pointrend import MaskRefiner

CONFIG = {"points": 6, "sample_coarse_from": "coarse", "lr": 0.01, "steps": 2}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    stem = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
    down = nn.Conv2d(8, 8, 3, stride=2, padding=1)
    refiner = MaskRefiner(cfg)
    params = [*stem.parameters(), *down.parameters(), *refiner.parameters()]
    opt = torch.optim.SGD(params, lr=cfg["lr"], momentum=0.9)
    for step in range(cfg["steps"]):
        img = torch.randn(2, 3, 8, 8)
        gt = (torch.rand(2, 1, 8, 8) > 0.5).float()
        fine = stem(img)
        mask_logits = refiner(down(fine), fine)  # L
        loss = F.binary_cross_entropy_with_logits(mask_logits, gt)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
