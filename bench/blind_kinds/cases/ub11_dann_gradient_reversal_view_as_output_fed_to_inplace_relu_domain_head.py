"""Domain-adversarial training (DANN, Ganin & Lempitsky) with the usual gradient reversal
Function, whose forward returns `x.view_as(x)`. The domain classifier is built from a layer list
whose first entry is an in-place ReLU (the feature extractor ends with a linear layer)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lambd):
        ctx.lambd = lambd
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad):
        return grad.neg() * ctx.lambd, None


DOMAIN_LAYERS = [("relu", {"inplace": True}), ("linear", {"d_out": 8}), ("relu", {}), ("linear", {"d_out": 1})]


def build(layers, d_in):
    mods = []
    for kind, kw in layers:
        if kind == "relu":
            mods.append(nn.ReLU(**kw))  # L
        else:
            mods.append(nn.Linear(d_in, kw["d_out"]))
            d_in = kw["d_out"]
    return nn.Sequential(*mods)


class DANN(nn.Module):
    def __init__(self, d_in=6, d_feat=10, classes=3):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(d_in, d_feat), nn.ReLU(), nn.Linear(d_feat, d_feat))
        self.label_head = nn.Sequential(nn.ReLU(), nn.Linear(d_feat, classes))
        self.domain_head = build(DOMAIN_LAYERS, d_feat)

    def forward(self, x, lambd):
        f = self.features(x)
        return self.label_head(f), self.domain_head(GradReverse.apply(f, lambd))  # L


def run():
    torch.manual_seed(0)
    model = DANN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for step in range(2):
        xs, ys, xt = torch.randn(4, 6), torch.randint(0, 3, (4,)), torch.randn(4, 6)
        logits_s, dom_s = model(xs, lambd=0.1 * step)
        _, dom_t = model(xt, lambd=0.1 * step)
        dom = torch.cat([dom_s, dom_t]).squeeze(1)
        dom_y = torch.cat([torch.zeros(4), torch.ones(4)])
        loss = F.cross_entropy(logits_s, ys) + F.binary_cross_entropy_with_logits(dom, dom_y)
        opt.zero_grad()
        loss.backward()
        opt.step()
