import copy
from collections import defaultdict

import torch
import torch.nn as nn
import torch.nn.functional as F

SCHEDULE = {"normalize_prototypes": "before_backward"}


class SwappedPrediction(nn.Module):
    def __init__(self, d_in=6, dim=8, n_protos=5):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, dim))
        self.prototypes = nn.Linear(dim, n_protos, bias=False)

    def forward(self, x):
        return self.prototypes(F.normalize(self.backbone(x), dim=-1))


def normalizer(model):
    def normalize_prototypes():
        w = model.prototypes.weight.data
        w.div_(w.norm(dim=1, keepdim=True))  # L
    return normalize_prototypes


def swapped_loss(s1, s2, temp=0.1):
    with torch.no_grad():
        q1, q2 = F.softmax(s1 / 0.05, -1), F.softmax(s2 / 0.05, -1)
    return -0.5 * ((q1 * F.log_softmax(s2 / temp, -1)).sum(-1) + (q2 * F.log_softmax(s1 / temp, -1)).sum(-1)).mean()


def train(steps=3, record=None):
    torch.manual_seed(0)
    model = SwappedPrediction()
    events = defaultdict(list)
    for name, when in SCHEDULE.items():
        events[when].append({"normalize_prototypes": normalizer}[name](model))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        x = torch.randn(8, 6)
        v1, v2 = x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)
        for fn in events["before_forward"]:
            fn()
        loss = swapped_loss(model(v1), model(v2))
        if record is not None:  # the gradient with the weights this forward pass used
            frozen = copy.deepcopy(model)
            record.append(torch.autograd.grad(swapped_loss(frozen(v1), frozen(v2)), list(frozen.parameters())))
        for fn in events["before_backward"]:
            fn()
        opt.zero_grad()
        loss.backward()
        if record is not None:
            record.append([p.grad.clone() for p in model.parameters()])
        opt.step()


def run():
    train()


def silent_hazard():
    record = []
    train(record=record)
    pairs = zip(record[0::2], record[1::2])
    return any(not torch.allclose(a, b, atol=1e-6) for ref, got in pairs for a, b in zip(ref, got))
