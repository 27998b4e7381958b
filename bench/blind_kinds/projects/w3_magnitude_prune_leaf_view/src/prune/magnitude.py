import torch.nn as nn


def _prunable(module, kinds=(nn.Linear, nn.Conv2d)):
    for name, sub in module.named_modules():
        if isinstance(sub, kinds):
            yield name, sub.weight


def magnitude_prune_(module, amount, **kwargs):
    """Zero the ``amount`` fraction of smallest-magnitude weights of each layer, in place."""
    skip = set(kwargs.get("skip", ()))
    for name, weight in _prunable(module):
        if name in skip:
            continue
        flat = weight.view(-1)
        k = int(amount * flat.numel())
        if k == 0:
            continue
        idx = flat.abs().topk(k, largest=False).indices
        flat[idx] = 0.0  # L
    return module


def sparsity(module):
    total = zeros = 0
    for _, w in _prunable(module):
        total += w.numel()
        zeros += int((w == 0).sum())
    return zeros / max(total, 1)
