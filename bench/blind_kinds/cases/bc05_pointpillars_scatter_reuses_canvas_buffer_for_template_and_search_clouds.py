"""A Siamese 3D tracker on PointPillars features: pillar features are scattered into a BEV canvas kept as
a (non-persistent) buffer to avoid allocating it per call; the template and the search cloud go through
the same encoder before one cross-correlation loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F

GRID = 6


class PillarFeatureNet(nn.Module):
    def __init__(self, c_in=4, c_out=8):
        super().__init__()
        self.lin = nn.Linear(c_in, c_out, bias=False)
        self.norm = nn.BatchNorm1d(c_out)

    def forward(self, points):  # (pillars, points per pillar, c_in)
        p, n, c = points.shape
        x = F.relu(self.norm(self.lin(points).view(p * n, -1)))
        return x.view(p, n, -1).amax(dim=1)


class PointPillarsScatter(nn.Module):
    def __init__(self, channels=8, grid=GRID):
        super().__init__()
        self.grid = grid
        self.register_buffer("canvas", torch.zeros(channels, grid * grid), persistent=False)

    def forward(self, pillar_feats, coords):
        self.canvas.zero_()  # L
        flat = coords[:, 0] * self.grid + coords[:, 1]
        self.canvas[:, flat] = pillar_feats.t()  # L
        return self.canvas.view(1, -1, self.grid, self.grid)


class SiameseBEVTracker(nn.Module):
    def __init__(self):
        super().__init__()
        self.pfn = PillarFeatureNet()
        self.scatter = PointPillarsScatter()
        self.bev = nn.Sequential(nn.Conv2d(8, 8, 3, padding=1), nn.ReLU())

    def embed(self, pillars, coords):
        return self.bev(self.scatter(self.pfn(pillars), coords))

    def forward(self, template, search):
        z = self.embed(*template)
        x = self.embed(*search)
        return F.conv2d(x, z[:, :, 2:5, 2:5].reshape(1, 8, 3, 3), padding=1)


def random_cloud(n_pillars=10):
    coords = torch.randperm(GRID * GRID)[:n_pillars]
    return torch.randn(n_pillars, 5, 4), torch.stack([coords // GRID, coords % GRID], dim=1)


def run():
    torch.manual_seed(0)
    model = SiameseBEVTracker()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        template, search = random_cloud(), random_cloud()
        target = torch.zeros(1, 1, GRID, GRID)
        target[..., 3, 3] = 1.0
        score = model(template, search)
        loss = F.binary_cross_entropy_with_logits(score, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
