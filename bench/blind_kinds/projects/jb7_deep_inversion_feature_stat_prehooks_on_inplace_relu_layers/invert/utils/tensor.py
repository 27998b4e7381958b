import torch


def channel_stats(x):
    """Per-channel mean and (biased) variance of an NCHW feature map."""
    return x.mean(dim=(0, 2, 3)), x.var(dim=(0, 2, 3), unbiased=False)


def total_variation(images):
    dx = (images[..., 1:] - images[..., :-1]).abs().mean()
    dy = (images[..., 1:, :] - images[..., :-1, :]).abs().mean()
    return dx + dy


def random_real_batch(n, size=8):
    return torch.randn(n, 3, size, size) * 0.5 + 0.1
