import torch
import torch.nn as nn
import torch.nn.functional as F

NET = {"channels": 8, "groups": 2, "act": nn.Tanh, "depth": 2}


class StopGradGroupNorm(nn.Module):
    """GroupNorm written by hand; the statistics are treated as constants (no gradient through them)."""

    def __init__(self, channels, groups, eps=1e-5):
        super().__init__()
        self.groups, self.eps = groups, eps
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))

    def forward(self, x):
        n, c, length = x.shape
        g = x.view(n, self.groups, -1)
        with torch.no_grad():
            mean = g.mean(-1, keepdim=True)
            rstd = g.var(-1, keepdim=True, unbiased=False).add(self.eps).rsqrt()
        g.sub_(mean).mul_(rstd)  # L
        return x * self.weight[:, None] + self.bias[:, None]


class ConvBlock(nn.Module):
    def __init__(self, channels, groups, act):
        super().__init__()
        self.conv = nn.Conv1d(channels, channels, 3, padding=1)
        self.act = act()
        self.norm = StopGradGroupNorm(channels, groups)

    def forward(self, x):
        return self.norm(self.act(self.conv(x)))


class Net(nn.Module):
    def __init__(self, channels, groups, act, depth):
        super().__init__()
        self.blocks = nn.ModuleList([ConvBlock(channels, groups, act) for _ in range(depth)])
        self.head = nn.Linear(channels, 3)

    def forward(self, x):
        for blk in self.blocks:
            x = blk(x)
        return self.head(x.mean(-1))


def run():
    torch.manual_seed(0)
    model = Net(**NET)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    x, y = torch.randn(2, 8, 10), torch.tensor([0, 2])
    for _ in range(2):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
