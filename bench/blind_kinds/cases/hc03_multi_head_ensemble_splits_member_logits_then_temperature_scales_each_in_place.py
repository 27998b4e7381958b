"""A multi-head deep ensemble for classification: one shared trunk and one Linear producing every
member's logits at once; the members are taken apart with `split`, and each member's logits are
divided in place by that member's calibration temperature (fixed, from a validation sweep) before
the averaged predictive distribution is formed and the per-member losses are summed."""
import torch
import torch.nn as nn
import torch.nn.functional as F

TEMPS = (1.0, 1.3, 0.8, 1.1)


class MultiHeadEnsemble(nn.Module):
    def __init__(self, d=8, n_cls=3, members=4):
        super().__init__()
        self.n_cls, self.members = n_cls, members
        self.trunk = nn.Sequential(nn.Linear(d, 32), nn.ReLU())
        self.heads = nn.Linear(32, n_cls * members)

    def member_logits(self, x):
        return self.heads(self.trunk(x)).split(self.n_cls, dim=-1)

    def forward(self, x):
        members = self.member_logits(x)
        for logits, t in zip(members, TEMPS):
            logits.div_(t)  # L
        return members


def ensemble_loss(members, y):
    nll = sum(F.cross_entropy(m, y) for m in members)
    probs = torch.stack([m.softmax(-1) for m in members]).mean(0)
    return nll, probs


def run():
    torch.manual_seed(0)
    net = MultiHeadEnsemble()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(16, 8), torch.randint(0, 3, (16,))
        loss, probs = ensemble_loss(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
