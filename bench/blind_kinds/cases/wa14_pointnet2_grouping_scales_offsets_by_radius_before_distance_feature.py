"""PointNet++-style set abstraction on a point cloud whose coordinates are first refined by a learned
offset head; each group's relative coordinates are divided by the ball radius in place and then get a
distance feature."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def knn_group(xyz, centres, k):
    d = torch.cdist(centres.detach(), xyz.detach())
    idx = d.topk(k, largest=False).indices  # [B, S, k]
    batch = torch.arange(xyz.shape[0])[:, None, None]
    return xyz[batch, idx], idx


class SetAbstraction(nn.Module):
    def __init__(self, n_centres=4, k=3, radius=0.5, d_out=16):
        super().__init__()
        self.n_centres, self.k, self.radius = n_centres, k, radius
        self.mlp = nn.Sequential(nn.Linear(4, d_out), nn.ReLU(), nn.Linear(d_out, d_out))

    def forward(self, xyz):
        centres = xyz[:, : self.n_centres]
        grouped, _ = knn_group(xyz, centres, self.k)
        rel = grouped - centres[:, :, None]
        rel /= self.radius  # L
        dist = rel.norm(dim=-1, keepdim=True)
        feats = self.mlp(torch.cat([rel, dist], -1))
        return feats.max(dim=2).values


class PointClassifier(nn.Module):
    def __init__(self, n_classes=3):
        super().__init__()
        self.offset = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 3))
        self.sa = SetAbstraction()
        self.head = nn.Linear(16, n_classes)

    def forward(self, pts):
        xyz = pts + 0.1 * torch.tanh(self.offset(pts))
        return self.head(self.sa(xyz).max(dim=1).values)


def run():
    torch.manual_seed(0)
    model = PointClassifier()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        pts, labels = torch.rand(2, 10, 3), torch.tensor([0, 2])
        loss = F.cross_entropy(model(pts), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
