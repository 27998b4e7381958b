"""Image retrieval with generalized-mean (GeM) pooling and a learnable exponent p: to spare a copy of
the last feature map, GeM clamps it and raises it to p in place. The backbone's last stage ends with
conv -> BN and no activation (the clamp in GeM plays the ReLU's part)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class GeM(nn.Module):
    def __init__(self, p=3.0, eps=1e-6):
        super().__init__()
        self.p = nn.Parameter(torch.tensor(p))
        self.eps = eps

    def forward(self, x):
        x.clamp_(min=self.eps).pow_(self.p)  # L
        return F.adaptive_avg_pool2d(x, 1).pow(1.0 / self.p).flatten(1)


def conv_bn(c_in, c_out, stride=1, act=True):
    layers = [nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False), nn.BatchNorm2d(c_out)]
    if act:
        layers.append(nn.ReLU(inplace=True))
    return layers


class Retriever(nn.Module):
    def __init__(self, dim=8, final_act=True):
        super().__init__()
        self.backbone = nn.Sequential(*conv_bn(3, 8, 2), *conv_bn(8, 12, 2, act=final_act))
        self.pool = GeM()
        self.whiten = nn.Linear(12, dim)

    def forward(self, x):
        return F.normalize(self.whiten(self.pool(self.backbone(x))), dim=1)  # L


def run():
    torch.manual_seed(0)
    model = Retriever(final_act=False)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        anchor, positive, negative = (torch.randn(3, 3, 8, 8) for _ in range(3))
        a, p, n = model(anchor), model(positive), model(negative)
        loss = F.triplet_margin_loss(a, p, n, margin=0.3)
        opt.zero_grad()
        loss.backward()
        opt.step()
