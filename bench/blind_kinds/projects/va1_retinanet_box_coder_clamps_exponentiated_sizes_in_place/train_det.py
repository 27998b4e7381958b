import torch

from detector import DenseHead, DetectionLoss

CFG = {"channels": 4, "n_anchors": 2, "n_classes": 3, "size": 4, "stride": 8, "steps": 2, "lr": 0.01}


def make_anchors(size, stride, scales=(16.0, 32.0)):
    ys, xs = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    ctr = torch.stack([xs, ys], -1).reshape(-1, 1, 2).float() * stride + stride / 2
    half = torch.tensor(scales).view(1, -1, 1) / 2
    return torch.cat([ctr - half, ctr + half], -1).reshape(-1, 4)


def fake_targets(anchors, n_classes, batch):
    out = []
    for _ in range(batch):
        labels = torch.full((anchors.shape[0],), -1)
        pos = torch.randperm(anchors.shape[0])[:3]
        labels[pos] = torch.randint(0, n_classes, (3,))
        jitter = torch.rand(anchors.shape[0], 4) * 4
        gt = anchors + torch.cat([-jitter[:, :2], jitter[:, 2:]], 1)
        out.append((labels, gt))
    return out


def main(cfg=CFG):
    torch.manual_seed(0)
    head = DenseHead(cfg["channels"], cfg["n_anchors"], cfg["n_classes"])
    criterion = DetectionLoss()
    opt = torch.optim.SGD(head.parameters(), lr=cfg["lr"], momentum=0.9)
    anchors = make_anchors(cfg["size"], cfg["stride"])
    for step in range(cfg["steps"]):
        feat = torch.randn(2, cfg["channels"], cfg["size"], cfg["size"])
        cls, box = head(feat)
        loss = criterion(cls, box, anchors, fake_targets(anchors, cfg["n_classes"], 2))  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
