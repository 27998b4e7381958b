"""A non-local (self-attention) block after a conv stage, DANet-style position attention with a
zero-initialised gain: y = x + gamma * attend(x). The block input is added in place into the scaled
attention output."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PositionAttention(nn.Module):
    def __init__(self, c, r=2):
        super().__init__()
        self.q = nn.Conv2d(c, c // r, 1)
        self.k = nn.Conv2d(c, c // r, 1)
        self.v = nn.Conv2d(c, c, 1)
        self.gamma = nn.Parameter(torch.zeros(1))

    def attend(self, x):
        n, c, h, w = x.shape
        q = self.q(x).flatten(2).transpose(1, 2)
        k = self.k(x).flatten(2)
        attn = torch.bmm(q, k).softmax(-1)
        return torch.bmm(self.v(x).flatten(2), attn.transpose(1, 2)).view(n, c, h, w)

    def forward(self, x):
        out = self.gamma * self.attend(x)
        out += x  # L
        return out


class Net(nn.Module):
    def __init__(self, n_classes=4):
        super().__init__()
        self.stage = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1), nn.BatchNorm2d(8), nn.ReLU(inplace=True))
        self.pam = PositionAttention(8)
        self.head = nn.Conv2d(8, n_classes, 1)

    def forward(self, x):
        return F.interpolate(self.head(self.pam(self.stage(x))), size=x.shape[-2:], mode="nearest")  # L


def run():
    torch.manual_seed(0)
    net = Net()
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(2, 3, 8, 8), torch.randint(0, 4, (2, 8, 8))
        loss = F.cross_entropy(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
