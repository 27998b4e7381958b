"""Integral pose regression (Sun et al.): joint heatmaps normalised with a hand-written spatial
softmax (exp, then divided by its sum), joint coordinates taken as their expectation, and the heatmaps
of invisible joints zeroed in place so the auxiliary heatmap loss ignores them."""
import torch
import torch.nn as nn
import torch.nn.functional as F

H = W = 6
JOINTS = 3


class IntegralHead(nn.Module):
    def __init__(self, c_in=4, joints=JOINTS):
        super().__init__()
        self.conv = nn.Conv2d(c_in, joints, 1)
        ys, xs = torch.meshgrid(torch.arange(H).float(), torch.arange(W).float(), indexing="ij")
        self.register_buffer("grid", torch.stack([xs.flatten(), ys.flatten()], -1))

    def heatmaps(self, feats):
        logits = self.conv(feats).flatten(2)
        e = (logits - logits.amax(-1, keepdim=True).detach()).exp()
        return e / e.sum(-1, keepdim=True)

    def forward(self, feats, visible):
        heat = self.heatmaps(feats)
        coords = heat @ self.grid
        heat.mul_(visible[..., None])  # L
        return coords, heat


def run():
    torch.manual_seed(0)
    backbone = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU())
    head = IntegralHead()
    params = list(backbone.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    for _ in range(2):
        img = torch.randn(2, 3, H, W)
        target = torch.rand(2, JOINTS, 2) * (W - 1)
        target_heat = torch.rand(2, JOINTS, H * W).softmax(-1)
        visible = torch.tensor([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
        coords, heat = head(backbone(img), visible)
        loss = (F.l1_loss(coords, target, reduction="none").sum(-1) * visible).mean()
        loss = loss + F.mse_loss(heat, target_heat * visible[..., None])
        opt.zero_grad()
        loss.backward()
        opt.step()
