import torch

import detector.build as B
from detector.losses import focal_loss

CFG = {
    "head": {"ch": 8, "n_anchors": 2, "n_classes": 3},
    "init": ["normal", "prior"],
    "init_kwargs": {"std": 0.01, "prior": 0.01},
}


def main():
    torch.manual_seed(0)
    model = B.build_detector(CFG)  # L
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for _ in range(2):
        feat = torch.randn(2, 8, 6, 6)
        cls_t = (torch.rand(2, 6, 6, 6) > 0.9).float()
        box_t = torch.randn(2, 8, 6, 6)
        cls, box = model(feat)
        loss = focal_loss(cls, cls_t) + (box - box_t).abs().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("loss", loss.item())


if __name__ == "__main__":
    main()
