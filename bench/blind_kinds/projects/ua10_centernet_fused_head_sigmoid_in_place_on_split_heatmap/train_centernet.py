import torch
import torch.nn as nn

from centernet import FusedCenterHead, centernet_loss


def fake_targets(b, n_classes, h, w):
    hm = torch.rand(b, n_classes, h, w) * 0.9
    mask = torch.zeros(b, h, w)
    for i in range(b):
        y, x, c = torch.randint(0, h, ()), torch.randint(0, w, ()), torch.randint(0, n_classes, ())
        hm[i, c, y, x] = 1.0
        mask[i, y, x] = 1.0
    return {"hm": hm, "mask": mask, "wh": torch.rand(b, 2, h, w) * 4, "reg": torch.rand(b, 2, h, w)}


def main():
    torch.manual_seed(0)
    backbone = nn.Sequential(nn.Conv2d(3, 6, 3, stride=2, padding=1), nn.BatchNorm2d(6), nn.ReLU())
    head = FusedCenterHead(6, n_classes=3)
    params = list(backbone.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    for step in range(2):
        images = torch.randn(2, 3, 16, 16)
        out = head(backbone(images))  # L
        loss = centernet_loss(out, fake_targets(2, 3, 8, 8))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
