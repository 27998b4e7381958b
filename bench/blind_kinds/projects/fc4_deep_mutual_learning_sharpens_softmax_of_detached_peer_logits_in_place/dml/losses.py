import torch
import torch.nn.functional as F

from .targets import peer_targets


def mutual_loss(logits, y, T=0.5, weight=1.0):
    """Each peer: its own NLL plus the KL to the mean of the other peers' sharpened predictions."""
    probs = [l.softmax(dim=1) for l in logits]
    nll = sum(F.nll_loss(torch.log(p + 1e-8), y) for p in probs)
    targets = peer_targets(probs, logits, T)  # L
    kl = 0.0
    for i, p in enumerate(probs):
        others = torch.stack([t for j, t in enumerate(targets) if j != i]).mean(0)
        kl = kl + F.kl_div(torch.log(p + 1e-8), others, reduction="batchmean")
    return nll + weight * kl
