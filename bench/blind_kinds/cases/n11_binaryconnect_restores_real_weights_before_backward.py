"""BinaryConnect training: the forward runs with sign-binarised weights, the optimizer updates the
real-valued copies.

The binariser swaps the weights through ``.data``. Restoring the real-valued weights belongs after
``loss.backward()``; here the trainer restores them right after the loss, so the backward of the
hidden layer multiplies by the real weights while the forward used their signs: no error, but a
wrong gradient for the first layer.
"""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class Binariser:
    """Keeps the real-valued weights of every Linear aside while the binary ones are in use."""

    def __init__(self, model):
        self.params = [m.weight for m in model.modules() if isinstance(m, nn.Linear)]
        self.saved = [p.data.clone() for p in self.params]

    def binarise(self):
        for p, keep in zip(self.params, self.saved):
            keep.copy_(p.data)
            p.data.copy_(p.data.sign())

    def restore(self):
        for p, keep in zip(self.params, self.saved):
            p.data.copy_(keep)  # L

    def clip(self):
        for p in self.params:
            p.data.clamp_(-1.0, 1.0)


def make_model():
    return nn.Sequential(nn.Linear(6, 8), nn.Hardtanh(), nn.Linear(8, 3))


def gradients(model, x, y):
    """One step's gradients, in this trainer's order."""
    binariser = Binariser(model)
    binariser.binarise()
    loss = F.cross_entropy(model(x), y)
    binariser.restore()  # L
    model.zero_grad()
    loss.backward()
    return binariser


def run():
    torch.manual_seed(0)
    model = make_model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, y = torch.randn(4, 6), torch.randint(0, 3, (4,))
        binariser = gradients(model, x, y)
        opt.step()
        binariser.clip()


def silent_hazard():
    torch.manual_seed(1)
    model = make_model()
    x, y = torch.randn(4, 6), torch.randint(0, 3, (4,))
    # the true gradient of the loss the forward computed: a copy that holds the binary weights
    reference = copy.deepcopy(model)
    with torch.no_grad():
        for m in reference.modules():
            if isinstance(m, nn.Linear):
                m.weight.copy_(m.weight.sign())
    F.cross_entropy(reference(x), y).backward()
    gradients(model, x, y)
    return not torch.allclose(model[0].weight.grad, reference[0].weight.grad)
