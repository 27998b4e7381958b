import torch
import torch.nn as nn
import torch.nn.functional as F
from functools import partial


def soft_cdf(logits, temperature=1.0):
    p = F.softplus(logits / temperature)
    cdf = torch.cumsum(p, dim=1)
    cdf.div_(cdf[:, -1:])  # L
    return cdf


def crps_loss(logits, target, cdf_fn):
    cdf = cdf_fn(logits)
    steps = torch.arange(logits.size(1)).unsqueeze(0)
    target_cdf = (steps >= target.unsqueeze(1)).float()
    return (cdf - target_cdf).pow(2).sum(1).mean()


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.GELU(), nn.Linear(8, 5))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = partial(crps_loss, cdf_fn=partial(soft_cdf, temperature=2.0))
    x, y = torch.randn(6, 4), torch.randint(0, 5, (6,))
    loss = loss_fn(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
