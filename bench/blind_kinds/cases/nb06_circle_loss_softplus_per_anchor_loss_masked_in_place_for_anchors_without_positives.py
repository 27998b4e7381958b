"""Circle loss (Sun et al. 2020) for metric learning, with the outer log(1 + exp(s)) taken by
``F.softplus`` (libraries often write it as an "add-one" logsumexp over ``[0, s]``).  Anchors
whose class is alone in the batch have no positive pair, so their per-anchor loss is zeroed in
place before averaging over the valid anchors."""
import torch
import torch.nn as nn
import torch.nn.functional as F

NEG = -1e4  # a large finite "minus infinity": rows without a positive stay finite


def log1p_exp(s):
    """log(1 + exp(s)), stably."""
    return F.softplus(s)


def circle_loss(emb, labels, m=0.25, gamma=16.0):
    z = F.normalize(emb, dim=1)
    sim = z @ z.t()
    same = labels[:, None] == labels[None, :]
    eye = torch.eye(len(labels), dtype=torch.bool)
    pos, neg = same & ~eye, ~same
    ap = torch.clamp_min(1 + m - sim.detach(), 0.0)
    an = torch.clamp_min(sim.detach() + m, 0.0)
    logit_p = (-gamma * ap * (sim - (1 - m))).masked_fill(~pos, NEG)
    logit_n = (gamma * an * (sim - m)).masked_fill(~neg, NEG)
    per_anchor = log1p_exp(torch.logsumexp(logit_p, dim=1) + torch.logsumexp(logit_n, dim=1))
    valid = pos.any(dim=1)
    per_anchor.masked_fill_(~valid, 0.0)  # L
    return per_anchor.sum() / valid.sum().clamp_min(1)


def run():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 8))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    labels = torch.tensor([0, 0, 1, 1, 2, 3])  # classes 2 and 3 have no positive pair
    for _ in range(2):
        loss = circle_loss(net(torch.randn(6, 10)), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
