import torch


@torch.no_grad()
def ema_(target, source, rate):
    """target <- (1 - rate) * target + rate * source, in place (a buffer, never trained)."""
    target.mul_(1.0 - rate).add_(source.detach(), alpha=rate)  # L
    return target


def response_labels(shape, radius):
    """1 inside `radius` of the map's centre, 0 elsewhere (SiamFC's logistic labels)."""
    b, _, h, w = shape
    ys = torch.arange(h).view(-1, 1) - h // 2
    xs = torch.arange(w).view(1, -1) - w // 2
    inside = ((ys.abs() + xs.abs()) <= radius).float()
    return inside.expand(b, 1, h, w)


def make_pairs(steps, batch_size, cfg):
    for _ in range(steps):
        exemplar = torch.randn(batch_size, 3, cfg.exemplar_size, cfg.exemplar_size)
        search = torch.randn(batch_size, 3, cfg.search_size, cfg.search_size)
        yield exemplar, search
