"""FCOS-style shared regression head with one learned Scale per FPN level (exp(scale * x)). A guard
floors the scales through .data so that no level collapses; it runs after the loss is formed and
before backward, where mul kept the old scale for the head's gradient."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Scale(nn.Module):
    def __init__(self, init=1.0):
        super().__init__()
        self.scale = nn.Parameter(torch.tensor(init))

    def forward(self, x):
        return torch.exp(x * self.scale)


class SharedRegHead(nn.Module):
    def __init__(self, c=4, n_levels=3):
        super().__init__()
        self.conv = nn.Conv2d(c, 4, 3, padding=1)
        self.scales = nn.ModuleList(Scale(0.05) for _ in range(n_levels))

    def forward(self, feats):
        return [s(self.conv(f)) for s, f in zip(self.scales, feats)]


def floor_scales(head, floor=0.2):
    for s in head.scales:
        s.scale.data.clamp_(min=floor)  # L


def make_batch():
    torch.manual_seed(1)
    feats = [torch.randn(2, 4, n, n) for n in (8, 4, 2)]
    targets = [torch.rand(2, 4, n, n) * 2 for n in (8, 4, 2)]
    return feats, targets


def step_grads():
    torch.manual_seed(0)
    head = SharedRegHead()
    feats, targets = make_batch()
    loss = sum(F.l1_loss(p, t) for p, t in zip(head(feats), targets))
    floor_scales(head)
    loss.backward()
    return head.conv.weight.grad.clone()


def reference_grads():
    # what the gradient of the forward that was run should be
    torch.manual_seed(0)
    head = SharedRegHead()
    feats, targets = make_batch()
    loss = sum(F.l1_loss(p, t) for p, t in zip(head(feats), targets))
    loss.backward()
    return head.conv.weight.grad.clone()


def silent_hazard():
    return not torch.allclose(step_grads(), reference_grads())


def run():
    torch.manual_seed(0)
    head = SharedRegHead()
    opt = torch.optim.SGD(head.parameters(), lr=0.01)
    for _ in range(2):
        feats, targets = make_batch()
        loss = sum(F.l1_loss(p, t) for p, t in zip(head(feats), targets))
        opt.zero_grad()
        floor_scales(head)
        loss.backward()
        opt.step()
