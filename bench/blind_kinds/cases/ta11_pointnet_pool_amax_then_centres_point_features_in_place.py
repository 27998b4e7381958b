"""A PointNet-style set encoder: per-point features, a max-pooled global code, then point features
re-expressed relative to the global code for a second (segmentation-style) stage."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TwoStagePointNet(nn.Module):
    def __init__(self, d_in=3, width=8, n_classes=2):
        super().__init__()
        self.point_mlp = nn.Linear(d_in, width)
        self.stage2 = nn.Sequential(nn.Linear(2 * width, width), nn.ReLU())
        self.cls = nn.Linear(width, n_classes)

    def pool(self, feats):
        return feats.amax(dim=1, keepdim=True)

    def forward(self, pts):
        feats = self.point_mlp(pts)
        glob = self.pool(feats)
        feats.sub_(glob)  # L
        fused = torch.cat([feats, glob.expand_as(feats)], dim=-1)
        return self.cls(self.stage2(fused).mean(1))


def run():
    torch.manual_seed(0)
    net = TwoStagePointNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-2, weight_decay=1e-4)
    for _ in range(2):
        clouds, labels = torch.randn(4, 7, 3), torch.tensor([0, 1, 0, 1])
        loss = F.cross_entropy(net(clouds), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
