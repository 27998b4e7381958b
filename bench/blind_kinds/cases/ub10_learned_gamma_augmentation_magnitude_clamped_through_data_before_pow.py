"""Differentiable augmentation search (Faster AutoAugment / DADA shape): a learned contrast op
followed by a gamma-correction op whose exponent is a learned magnitude, both trained together
with the classifier. The gamma op keeps its magnitude in the valid range by clamping it
through .data before applying it."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LearnedGamma(nn.Module):
    def __init__(self, init=2.5, low=0.5, high=2.0):
        super().__init__()
        self.gamma = nn.Parameter(torch.tensor(init))
        self.low, self.high = low, high

    def project_(self):
        self.gamma.data.clamp_(self.low, self.high)  # L

    def forward(self, img):
        if self.training:
            self.project_()  # L
        return img.clamp(min=1e-4).pow(self.gamma)


class LearnedContrast(nn.Module):
    def __init__(self, init=1.2):
        super().__init__()
        self.magnitude = nn.Parameter(torch.tensor(init))

    def forward(self, img):
        mean = img.mean(dim=(1, 2, 3), keepdim=True)
        return (img - mean) * self.magnitude + mean


def make():
    torch.manual_seed(0)
    aug = nn.Sequential(LearnedContrast(), LearnedGamma())
    clf = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.Tanh(), nn.Linear(8, 3))
    return aug, clf


def grads(aug, clf, img, y):
    aug.zero_grad()
    clf.zero_grad()
    F.cross_entropy(clf(aug(img)), y).backward()
    return [p.grad.clone() for p in list(aug.parameters()) + list(clf.parameters())]


def run():
    aug, clf = make()
    opt = torch.optim.SGD(list(aug.parameters()) + list(clf.parameters()), lr=0.1)
    torch.manual_seed(1)
    for _ in range(2):
        img, y = torch.rand(4, 1, 4, 4), torch.randint(0, 3, (4,))
        grads(aug, clf, img, y)
        opt.step()


def silent_hazard():
    """The gradient must be the one at the magnitude the forward used (2.0, after the clamp)."""
    torch.manual_seed(1)
    img, y = torch.rand(4, 1, 4, 4), torch.randint(0, 3, (4,))
    aug, clf = make()
    got = grads(aug, clf, img, y)
    aug, clf = make()
    aug[1].project_()
    aug.eval()
    ref = grads(aug, clf, img, y)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
