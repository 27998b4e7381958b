"""AlexNet-style hand-written cross-channel local response normalisation (the well-known
``div = x.pow(2) -> avg_pool3d -> mul(alpha).add(1).pow(beta)`` module), changed to build the
denominator in place (``mul_``, ``add_``, ``pow_`` on the pooled tensor) and to divide the ReLU
features out of place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LRN(nn.Module):
    def __init__(self, size=3, alpha=1e-4, beta=0.75, k=1.0):
        super().__init__()
        self.size, self.alpha, self.beta, self.k = size, alpha, beta, k

    def forward(self, x):
        div = x.pow(2).unsqueeze(1)
        div = F.avg_pool3d(div, (self.size, 1, 1), stride=1, padding=(self.size // 2, 0, 0)).squeeze(1)
        div.mul_(self.alpha).add_(self.k).pow_(self.beta)  # L
        return x / div


def alexnet_tiny(classes=4):
    return nn.Sequential(
        nn.Conv2d(3, 8, 3, stride=2, padding=1),
        nn.ReLU(inplace=True),
        LRN(),
        nn.MaxPool2d(2),
        nn.Conv2d(8, 12, 3, padding=1),
        nn.ReLU(inplace=True),
        LRN(),
        nn.Flatten(),
        nn.Linear(12 * 2 * 2, classes),
    )


def run():
    torch.manual_seed(0)
    model = alexnet_tiny()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    for _ in range(2):
        x, y = torch.randn(3, 3, 8, 8), torch.randint(0, 4, (3,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
