"""CenterNet-style heads: one conv branch per output (heatmap, size, offset); _sigmoid works in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F

HEADS = {"hm": 3, "wh": 2, "reg": 2}


def _sigmoid(x):
    # as in CenterNet: in place, then clamped for the focal loss's logs
    return torch.clamp(x.sigmoid_(), min=1e-4, max=1 - 1e-4)  # L


def focal_loss(pred, gt, alpha=2, beta=4):
    pos = gt.eq(1).float()
    neg = 1 - pos
    pos_loss = torch.log(pred) * (1 - pred) ** alpha * pos
    neg_loss = torch.log(1 - pred) * pred ** alpha * (1 - gt) ** beta * neg
    return -(pos_loss.sum() + neg_loss.sum()) / pos.sum().clamp(min=1)


class CenterHead(nn.Module):
    def __init__(self, channels=4):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, channels, 3, padding=1), nn.ReLU(inplace=True))
        for name, n in HEADS.items():
            self.add_module(name, nn.Conv2d(channels, n, 1))

    def forward(self, img):
        feat = self.body(img)
        return {name: getattr(self, name)(feat) for name in HEADS}


def compute_loss(out, batch):
    losses = {
        "wh": F.smooth_l1_loss(out["wh"], batch["wh"]),
        "reg": F.smooth_l1_loss(out["reg"], batch["reg"]),
    }
    losses["hm"] = focal_loss(_sigmoid(out["hm"]), batch["hm"])  # L
    return losses["hm"] + 0.1 * losses["wh"] + losses["reg"]


def run():
    torch.manual_seed(0)
    model = CenterHead()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        img = torch.randn(2, 3, 8, 8)
        hm = torch.rand(2, 3, 8, 8) * 0.9
        hm[:, :, 4, 4] = 1.0
        batch = {"hm": hm, "wh": torch.rand(2, 2, 8, 8) * 4, "reg": torch.rand(2, 2, 8, 8)}
        loss = compute_loss(model(img), batch)
        opt.zero_grad()
        loss.backward()
        opt.step()
