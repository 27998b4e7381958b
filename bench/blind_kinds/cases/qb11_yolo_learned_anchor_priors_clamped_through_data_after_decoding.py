"""A YOLO-style single-level box head whose anchor priors (w, h in grid cells) are learned with the
rest of the net. To keep the priors from collapsing, the head clamps them through .data (out of the
graph) on every training forward, right after decoding the boxes with them."""
import torch
import torch.nn as nn
import torch.nn.functional as F

ANCHORS = [[1.0, 1.5], [0.1, 0.2], [2.5, 1.0]]


class LearnedAnchorHead(nn.Module):
    def __init__(self, c, anchors=ANCHORS, min_size=0.5):
        super().__init__()
        self.na = len(anchors)
        self.pred = nn.Conv2d(c, self.na * 4, 1)
        self.anchor_wh = nn.Parameter(torch.tensor(anchors))
        self.min_size = min_size

    def clamp_priors(self):
        self.anchor_wh.data.clamp_(min=self.min_size)  # L

    def forward(self, feat):
        n, _, h, w = feat.shape
        p = self.pred(feat).view(n, self.na, 4, h, w).permute(0, 1, 3, 4, 2)
        ys, xs = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
        grid = torch.stack([xs, ys], -1).float()
        self.used_priors = self.anchor_wh.detach().clone()
        xy = p[..., :2].sigmoid() + grid
        wh = p[..., 2:].exp() * self.anchor_wh[None, :, None, None, :]
        if self.training:
            self.clamp_priors()  # L
        return torch.cat([xy, wh], -1)


class Detector(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1), nn.ReLU(), nn.Conv2d(8, 8, 3, 2, 1), nn.ReLU())
        self.head = LearnedAnchorHead(8)

    def forward(self, x):
        return self.head(self.backbone(x))  # L


def make_model(priors=None):
    torch.manual_seed(0)
    model = Detector()
    if priors is not None:
        model.head.anchor_wh.data.copy_(priors)
        model.head.min_size = 0.0
    return model


def grads(model, x, target):
    model.zero_grad()
    F.smooth_l1_loss(model(x), target).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    torch.manual_seed(1)
    for _ in range(2):
        x, target = torch.randn(2, 3, 8, 8), torch.rand(2, 3, 2, 2, 4) * 2
        grads(model, x, target)
        opt.step()


def silent_hazard():
    """The gradient must be the one at the priors the forward decoded with."""
    torch.manual_seed(1)
    x, target = torch.randn(2, 3, 8, 8), torch.rand(2, 3, 2, 2, 4) * 2
    model = make_model()
    got = grads(model, x, target)
    ref = grads(make_model(priors=model.head.used_priors), x, target)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
