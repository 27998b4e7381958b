"""Deep embedded clustering (Xie et al. 2016): a soft k-means layer on an autoencoder's codes.
q_ij is a Student-t kernel between code z_i and centroid mu_j, the target p sharpens q, and the
encoder and the centroids are trained on KL(p || q).  The kernel is written "without temporaries":
the reciprocal first, then the power in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ClusterAssignment(nn.Module):
    def __init__(self, n_clusters, dim, alpha=1.0):
        super().__init__()
        self.alpha = alpha
        self.centroids = nn.Parameter(torch.randn(n_clusters, dim))

    def forward(self, z):
        dist = (z.unsqueeze(1) - self.centroids).pow(2).sum(-1)
        q = torch.reciprocal(1.0 + dist / self.alpha)
        q.pow_((self.alpha + 1.0) / 2.0)  # L
        return q / q.sum(1, keepdim=True)


def target_distribution(q):
    weight = q ** 2 / q.sum(0)
    return (weight.t() / weight.sum(1)).t()


class DEC(nn.Module):
    def __init__(self, d_in=8, d_code=3, n_clusters=4):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, d_code))
        self.assign = ClusterAssignment(n_clusters, d_code)

    def forward(self, x):
        return self.assign(self.encoder(x))


def run():
    torch.manual_seed(0)
    model = DEC()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    x = torch.randn(32, 8)
    for _ in range(2):
        q = model(x)
        p = target_distribution(q).detach()
        loss = F.kl_div(q.log(), p, reduction="batchmean")
        opt.zero_grad()
        loss.backward()
        opt.step()
