"""3DSSD-style feature-space farthest point sampling for a set-abstraction layer: FPS runs on the learned
point features (not detached), and the running minimum distance is kept with torch.minimum(..., out=)
into the preallocated distance buffer."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def farthest_point_sample(feats, n_samples):
    b, n, _ = feats.shape
    centroids = torch.zeros(b, n_samples, dtype=torch.long)
    distance = torch.full((b, n), 1e10)
    farthest = torch.zeros(b, dtype=torch.long)
    batch = torch.arange(b)
    for i in range(n_samples):
        centroids[:, i] = farthest
        centroid = feats[batch, farthest].unsqueeze(1)
        dist = ((feats - centroid) ** 2).sum(-1)
        torch.minimum(distance, dist, out=distance)  # L
        farthest = distance.argmax(-1)
    return centroids


class SetAbstraction(nn.Module):
    def __init__(self, c_in, c_out, n_samples, k=4):
        super().__init__()
        self.n_samples, self.k = n_samples, k
        self.mlp = nn.Sequential(nn.Linear(c_in + 3, c_out), nn.ReLU(), nn.Linear(c_out, c_out))

    def forward(self, xyz, feats):
        idx = farthest_point_sample(feats, self.n_samples)
        batch = torch.arange(xyz.shape[0])[:, None]
        new_xyz = xyz[batch, idx]
        nn_idx = torch.cdist(new_xyz, xyz).topk(self.k, largest=False).indices
        grouped_xyz = xyz[batch[..., None], nn_idx] - new_xyz.unsqueeze(2)
        grouped = torch.cat([grouped_xyz, feats[batch[..., None], nn_idx]], dim=-1)
        return new_xyz, self.mlp(grouped).amax(dim=2)


class PointClassifier(nn.Module):
    def __init__(self, n_classes=3):
        super().__init__()
        self.embed = nn.Linear(3, 8)
        self.sa1 = SetAbstraction(8, 16, n_samples=8)
        self.sa2 = SetAbstraction(16, 16, n_samples=4)
        self.head = nn.Linear(16, n_classes)

    def forward(self, xyz):
        feats = F.relu(self.embed(xyz))
        xyz, feats = self.sa1(xyz, feats)
        xyz, feats = self.sa2(xyz, feats)
        return self.head(feats.amax(dim=1))


def run():
    torch.manual_seed(0)
    model = PointClassifier()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        xyz, y = torch.randn(2, 16, 3), torch.randint(0, 3, (2,))
        loss = F.cross_entropy(model(xyz), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
