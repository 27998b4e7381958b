"""Network slimming: L1 on BatchNorm scales, small scales hard-pruned through .data."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class SlimNet(nn.Module):
    def __init__(self, widths=(3, 8, 8), n_classes=4):
        super().__init__()
        self.features = nn.Sequential(*(conv_bn(a, b) for a, b in zip(widths, widths[1:])))
        self.fc = nn.Linear(widths[-1], n_classes)
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                nn.init.uniform_(m.weight, 0.0, 1.0)

    def forward(self, x):
        return self.fc(self.features(x).mean((2, 3)))


def bn_layers(model):
    return [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]


def slimming_penalty(model, lam=1e-4, threshold=0.3, prune=True):
    penalty = sum(bn.weight.abs().sum() for bn in bn_layers(model))
    if prune:
        for bn in bn_layers(model):
            gamma = bn.weight.data
            gamma[gamma.abs() < threshold] = 0.0  # L
    return lam * penalty


def train(steps=2, record=None):
    torch.manual_seed(0)
    model = SlimNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for _ in range(steps):
        x, y = torch.randn(4, 3, 6, 6), torch.randint(0, 4, (4,))
        ref = copy.deepcopy(model) if record is not None else None
        loss = F.cross_entropy(model(x), y) + slimming_penalty(model)
        opt.zero_grad()
        loss.backward()
        if ref is not None:  # the gradient of the function the forward pass computed
            ref_loss = F.cross_entropy(ref(x), y) + slimming_penalty(ref, prune=False)
            want = torch.autograd.grad(ref_loss, list(ref.parameters()))
            record.append((want, [p.grad.clone() for p in model.parameters()]))
        opt.step()


def run():
    train()


def silent_hazard():
    record = []
    train(record=record)
    return any(not torch.allclose(a, b, atol=1e-6) for want, got in record for a, b in zip(want, got))
