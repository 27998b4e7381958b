"""A feature pyramid neck whose lateral projections are conv + ReLU modules, with the top-down
pathway written as in early detection code bases: laterals[i - 1] += upsample(laterals[i])."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def lateral(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 1), nn.ReLU())


class FPN(nn.Module):
    def __init__(self, in_channels=(4, 8, 16), out_channels=6):
        super().__init__()
        self.lateral_convs = nn.ModuleList([lateral(c, out_channels) for c in in_channels])
        self.fpn_convs = nn.ModuleList([nn.Conv2d(out_channels, out_channels, 3, padding=1) for _ in in_channels])

    def forward(self, feats):
        laterals = [conv(f) for conv, f in zip(self.lateral_convs, feats)]
        for i in range(len(laterals) - 1, 0, -1):
            laterals[i - 1] += F.interpolate(laterals[i], size=laterals[i - 1].shape[-2:], mode="nearest")  # L
        return [conv(l) for conv, l in zip(self.fpn_convs, laterals)]


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.c2 = nn.Conv2d(3, 4, 3, stride=2, padding=1)
        self.c3 = nn.Conv2d(4, 8, 3, stride=2, padding=1)
        self.c4 = nn.Conv2d(8, 16, 3, stride=2, padding=1)

    def forward(self, x):
        f2 = F.relu(self.c2(x))
        f3 = F.relu(self.c3(f2))
        f4 = F.relu(self.c4(f3))
        return [f2, f3, f4]


def run():
    torch.manual_seed(0)
    backbone, neck = Backbone(), FPN()
    head = nn.Conv2d(6, 2, 1)
    params = [*backbone.parameters(), *neck.parameters(), *head.parameters()]
    opt = torch.optim.SGD(params, lr=0.01, momentum=0.9)
    for _ in range(2):
        x = torch.randn(2, 3, 16, 16)
        outs = neck(backbone(x))
        loss = sum(head(o).pow(2).mean() for o in outs)
        opt.zero_grad()
        loss.backward()
        opt.step()
