import functools

import torch
import torch.nn as nn
import torch.nn.functional as F


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lambd):
        ctx.lambd = lambd
        return x.clone()

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output.neg() * ctx.lambd, None


def grad_reverse(x, lambd=1.0):
    return GradReverse.apply(x, lambd)


def make_domain_head(dim, hidden, act="leaky_relu"):
    acts = {"relu": functools.partial(nn.ReLU, inplace=True),
            "leaky_relu": functools.partial(nn.LeakyReLU, 0.2, inplace=True)}
    return nn.Sequential(acts[act](), nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, 2))  # L


class DANN(nn.Module):
    def __init__(self, dim=8, classes=3):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(5, dim), nn.ReLU(), nn.Linear(dim, dim))
        self.classifier = nn.Linear(dim, classes)
        self.domain = make_domain_head(dim, 6)

    def forward(self, x, lambd=1.0):
        f = self.features(x)
        return self.classifier(F.relu(f)), self.domain(grad_reverse(f, lambd))  # L


def run():
    torch.manual_seed(0)
    model = DANN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    xs, ys = torch.randn(4, 5), torch.randint(0, 3, (4,))
    xt = torch.randn(4, 5)
    for p in (0.0, 0.5):
        lambd = 2.0 / (1.0 + torch.exp(torch.tensor(-10.0 * p)).item()) - 1
        cls_s, dom_s = model(xs, lambd)
        _, dom_t = model(xt, lambd)
        dom_y = torch.cat([torch.zeros(4), torch.ones(4)]).long()
        loss = F.cross_entropy(cls_s, ys) + F.cross_entropy(torch.cat([dom_s, dom_t]), dom_y)
        opt.zero_grad()
        loss.backward()
        opt.step()
