"""Center loss (Wen et al.) in the common PyTorch port's shape: squared distances to the learned
centers by the expansion ||x||^2 + ||c||^2 - 2 x c^T. The port's deprecated
`distmat.addmm_(1, -2, x, centers.t())` was rewritten with the functional form and out=."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CenterLoss(nn.Module):
    def __init__(self, num_classes=4, feat_dim=3):
        super().__init__()
        self.num_classes = num_classes
        self.centers = nn.Parameter(torch.randn(num_classes, feat_dim))

    def forward(self, x, labels):
        n = x.size(0)
        distmat = x.pow(2).sum(dim=1, keepdim=True).expand(n, self.num_classes) + \
            self.centers.pow(2).sum(dim=1, keepdim=True).expand(self.num_classes, n).t()
        torch.addmm(distmat, x, self.centers.t(), beta=1, alpha=-2, out=distmat)  # L
        mask = labels[:, None].eq(torch.arange(self.num_classes)[None])
        return (distmat * mask.float()).clamp(min=1e-12, max=1e12).sum() / n


def run():
    torch.manual_seed(0)
    embed = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
    classifier = nn.Linear(3, 4)
    center_loss = CenterLoss()
    opt = torch.optim.SGD(list(embed.parameters()) + list(classifier.parameters()), lr=0.05)
    opt_centers = torch.optim.SGD(center_loss.parameters(), lr=0.5)
    for _ in range(2):
        x, y = torch.randn(5, 6), torch.randint(0, 4, (5,))
        feats = embed(x)
        loss = F.cross_entropy(classifier(feats), y) + 0.01 * center_loss(feats, y)
        opt.zero_grad()
        opt_centers.zero_grad()
        loss.backward()
        opt.step()
        opt_centers.step()
