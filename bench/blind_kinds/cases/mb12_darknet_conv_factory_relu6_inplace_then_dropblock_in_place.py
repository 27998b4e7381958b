"""A Darknet-style detector backbone built from ``conv_bn_act`` blocks, with DropBlock
regularisation (Ghiasi et al.) applied after each block's activation. Both the activation and
DropBlock work in place to save memory; the activation is picked by name from a table of
``functools.partial`` constructors. Here ``"relu6"`` (ReLU6, as in MobileNetV2)."""
from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F

ACTS = {
    "leaky": partial(nn.LeakyReLU, 0.1, inplace=True),
    "relu6": partial(nn.ReLU6, inplace=True),  # L
}


class DropBlock2d(nn.Module):
    def __init__(self, p=0.2, block=3):
        super().__init__()
        self.p, self.block = p, block

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        gamma = self.p / self.block ** 2
        seeds = (torch.rand_like(x[:, :1]) < gamma).float()
        keep = 1.0 - F.max_pool2d(seeds, self.block, stride=1, padding=self.block // 2)
        scale = keep.numel() / keep.sum().clamp(min=1.0)
        return x.mul_(keep * scale)  # L


def conv_bn_act(c_in, c_out, act, stride=1):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False),
        nn.BatchNorm2d(c_out),
        ACTS[act](),  # L
        DropBlock2d(),
    )


class TinyDarknet(nn.Module):
    def __init__(self, act, widths=(8, 12, 16), classes=4):
        super().__init__()
        chans = (3,) + tuple(widths)
        self.stages = nn.ModuleList(conv_bn_act(a, b, act, stride=2 if i else 1)
                                    for i, (a, b) in enumerate(zip(chans, chans[1:])))
        self.head = nn.Conv2d(widths[-1], classes, 1)

    def forward(self, x):
        for stage in self.stages:
            x = stage(x)  # L
        return self.head(x).mean((2, 3))


def run(act="relu6"):
    torch.manual_seed(0)
    model = TinyDarknet(act)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(2, 3, 8, 8), torch.randint(0, 4, (2,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
