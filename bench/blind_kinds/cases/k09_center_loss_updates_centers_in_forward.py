import torch
import torch.nn as nn
import torch.nn.functional as F


class CenterLoss(nn.Module):
    """Center loss (Wen et al. 2016) with the paper's own center update rule (alpha)."""

    def __init__(self, num_classes, dim, alpha=0.5):
        super().__init__()
        self.alpha = alpha
        self.centers = nn.Parameter(torch.randn(num_classes, dim))

    def forward(self, feats, labels):
        c = self.centers[labels]
        loss = (feats - c).pow(2).sum(1).mean() / 2
        if self.training:
            self._update(feats.detach(), labels)
        return loss

    def _update(self, feats, labels):
        diff = self.centers[labels].detach() - feats
        counts = torch.bincount(labels, minlength=self.centers.size(0)).clamp(min=1)
        delta = torch.zeros_like(self.centers).index_add_(0, labels, diff)
        delta /= (1 + counts).unsqueeze(1)
        self.centers.sub_(self.alpha * delta)  # L


class Net(nn.Module):
    def __init__(self, dim=4, num_classes=3):
        super().__init__()
        self.embed = nn.Sequential(nn.Linear(6, 8), nn.PReLU(), nn.Linear(8, dim))
        self.fc = nn.Linear(dim, num_classes)

    def forward(self, x):
        f = self.embed(x)
        return f, self.fc(f)


def run():
    torch.manual_seed(0)
    net, center = Net(), CenterLoss(3, 4)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        feats, logits = net(x)
        loss = F.cross_entropy(logits, y) + 0.01 * center(feats, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
