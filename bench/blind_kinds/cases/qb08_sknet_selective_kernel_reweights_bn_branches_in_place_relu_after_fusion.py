"""Selective Kernel convolution (SKNet): a 3x3 and a dilated 3x3 branch, a squeeze of their sum, a
softmax over the two branches per channel, and the weighted sum. The weighting is done in place on
the branch outputs; each branch is conv -> BN, and the ReLU comes after the fusion."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def branch(c, dilation, act_inside):
    layers = [nn.Conv2d(c, c, 3, padding=dilation, dilation=dilation, bias=False), nn.BatchNorm2d(c)]
    if act_inside:
        layers.append(nn.ReLU(inplace=True))
    return nn.Sequential(*layers)


class SKConv(nn.Module):
    def __init__(self, c, reduction=2, act_inside=True):
        super().__init__()
        self.branches = nn.ModuleList(branch(c, d, act_inside) for d in (1, 2))
        self.squeeze = nn.Sequential(nn.Linear(c, c // reduction), nn.ReLU(inplace=True))
        self.select = nn.Linear(c // reduction, 2 * c)
        self.post = nn.Identity() if act_inside else nn.ReLU()

    def forward(self, x):
        u1, u2 = [b(x) for b in self.branches]
        s = self.squeeze((u1 + u2).mean((2, 3)))
        a = self.select(s).view(x.shape[0], 2, -1).softmax(1)[..., None, None]
        u1.mul_(a[:, 0])  # L
        u1.add_(u2 * a[:, 1])  # L
        return self.post(u1)


def make_model(act_inside):
    return nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1), SKConv(8, act_inside=act_inside), SKConv(8, act_inside=act_inside),
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 5))


def run():
    torch.manual_seed(0)
    model = make_model(act_inside=False)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    for _ in range(2):
        x, y = torch.randn(2, 3, 8, 8), torch.randint(0, 5, (2,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
