import torch

from det import BoxCoder, TwoStageDetector

CONFIG = {
    "d_feat": 8,
    "anchors": 12,
    "box_coder": {"weights": (10.0, 10.0, 5.0, 5.0), "clip": 4.0, "inplace": True},  # L
    "lr": 1e-2,
    "steps": 3,
}


def toy_batch(n, d_feat, g):
    xy = torch.rand(n, 2, generator=g) * 48
    anchors = torch.cat([xy, xy + 16.0], dim=1)
    jitter = torch.randn(n, 4, generator=g) * 2.0
    gt = anchors + jitter
    labels = torch.rand(n, generator=g) > 0.5
    feats = torch.cat([jitter, torch.randn(n, d_feat - 4, generator=g)], dim=1)
    return feats, anchors, gt, labels


def main(cfg=CONFIG):
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(1)
    model = TwoStageDetector(cfg["d_feat"], BoxCoder(**cfg["box_coder"]))
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    for step in range(cfg["steps"]):
        loss = model(*toy_batch(cfg["anchors"], cfg["d_feat"], g))  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
