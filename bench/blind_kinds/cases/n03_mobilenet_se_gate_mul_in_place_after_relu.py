"""MobileNetV3-style inverted residual whose squeeze-excite gate rescales the expanded features in place.

The activation is looked up by name on ``torch.nn`` from the stage spec; ``"ReLU"`` saves its
output, which ``x.mul_(gate)`` then overwrites.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

STAGES = [
    # (in, expand, out, act)
    (3, 12, 6, "ReLU"),
    (6, 18, 6, "ReLU"),
]


class SqueezeExcite(nn.Module):
    def __init__(self, channels, reduction=4):
        super().__init__()
        hidden = max(channels // reduction, 2)
        self.reduce = nn.Conv2d(channels, hidden, 1)
        self.expand = nn.Conv2d(hidden, channels, 1)

    def forward(self, x):
        s = x.mean((2, 3), keepdim=True)
        return F.hardsigmoid(self.expand(F.relu(self.reduce(s))))


class InvertedResidual(nn.Module):
    def __init__(self, c_in, c_mid, c_out, act):
        super().__init__()
        self.pw = nn.Conv2d(c_in, c_mid, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(c_mid)
        self.act = getattr(nn, act)()
        self.dw = nn.Conv2d(c_mid, c_mid, 3, padding=1, groups=c_mid, bias=False)
        self.bn2 = nn.BatchNorm2d(c_mid)
        self.se = SqueezeExcite(c_mid)
        self.project = nn.Conv2d(c_mid, c_out, 1, bias=False)
        self.use_skip = c_in == c_out

    def forward(self, x):
        h = self.act(self.bn1(self.pw(x)))
        h = self.act(self.bn2(self.dw(h)))
        h.mul_(self.se(h))  # L
        out = self.project(h)
        return out + x if self.use_skip else out


class TinyMobileNet(nn.Module):
    def __init__(self, stages=STAGES, classes=5):
        super().__init__()
        self.blocks = nn.Sequential(*(InvertedResidual(*spec) for spec in stages))
        self.head = nn.Linear(stages[-1][2], classes)

    def forward(self, x):
        return self.head(self.blocks(x).mean((2, 3)))  # L


def run():
    torch.manual_seed(0)
    model = TinyMobileNet()
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(2, 3, 6, 6), torch.randint(0, 5, (2,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
