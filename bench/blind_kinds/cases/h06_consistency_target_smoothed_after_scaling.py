from types import SimpleNamespace

import torch
import torch.nn as nn
import torch.nn.functional as F

CFG = SimpleNamespace(n_classes=4, smoothing=0.1, consistency_weight=0.5, lr=0.05)


def smooth(probs, eps, n_classes):
    """Label smoothing of a probability target: the scaled copy is shifted in place."""
    return (probs * (1.0 - eps)).add_(eps / n_classes)  # L


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 16), nn.GELU(), nn.Linear(16, CFG.n_classes))
    opt = torch.optim.SGD(model.parameters(), lr=CFG.lr)
    x, y = torch.randn(8, 6), torch.randint(0, CFG.n_classes, (8,))
    x_weak, x_strong = x + 0.05 * torch.randn_like(x), x + 0.3 * torch.randn_like(x)
    logits_weak, logits_strong = model(x_weak), model(x_strong)
    # symmetric consistency: both views are trained, so the target keeps its graph
    target = smooth(F.softmax(logits_weak, dim=-1), CFG.smoothing, CFG.n_classes)
    consistency = -(target * F.log_softmax(logits_strong, dim=-1)).sum(-1).mean()
    loss = F.cross_entropy(logits_weak, y) + CFG.consistency_weight * consistency
    opt.zero_grad()
    loss.backward()
    opt.step()
