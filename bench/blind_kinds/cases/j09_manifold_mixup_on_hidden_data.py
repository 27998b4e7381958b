import torch
import torch.nn as nn
import torch.nn.functional as F


class MixupNet(nn.Module):
    """Manifold mixup: hidden features of a shuffled batch are mixed in after the first block."""

    def __init__(self):
        super().__init__()
        self.block1 = nn.Sequential(nn.Linear(5, 12), nn.ReLU())
        self.block2 = nn.Sequential(nn.Linear(12, 12), nn.Tanh())
        self.head = nn.Linear(12, 3)

    def forward(self, x, lam=None, perm=None):
        h = self.block2(self.block1(x))
        if lam is not None:
            mixed = lam * h.data + (1 - lam) * h.data[perm]
            h.data.copy_(mixed)  # L
        return self.head(h)


def mixed_loss(logits, y, lam, perm):
    return lam * F.cross_entropy(logits, y) + (1 - lam) * F.cross_entropy(logits, y[perm])


def _setup():
    torch.manual_seed(0)
    net = MixupNet()
    x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
    perm, lam = torch.randperm(6), 0.7
    return net, x, y, perm, lam


def _step(net, x, y, perm, lam):
    loss = mixed_loss(net(x, lam, perm), y, lam, perm)
    net.zero_grad()
    loss.backward()
    return [p.grad.clone() for p in net.parameters()]


def run():
    net, x, y, perm, lam = _setup()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    _step(net, x, y, perm, lam)
    opt.step()


def silent_hazard():
    # reference: the same mixing written out of place, so autograd sees it
    net, x, y, perm, lam = _setup()
    got = _step(net, x, y, perm, lam)
    h = net.block2(net.block1(x))
    h = lam * h.detach() + (1 - lam) * h.detach()[perm] + (h - h.detach())
    ref = torch.autograd.grad(mixed_loss(net.head(h), y, lam, perm), list(net.parameters()))
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(ref, got))
