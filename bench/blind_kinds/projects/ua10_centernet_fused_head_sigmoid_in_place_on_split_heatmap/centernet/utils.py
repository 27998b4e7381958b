import torch


def _sigmoid(x):
    # as in the CenterNet reference code: clamped so the focal loss's logs stay finite
    return torch.clamp(x.sigmoid_(), min=1e-4, max=1 - 1e-4)  # L
