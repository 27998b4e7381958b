import torch


def softplus_features(x, log):
    e = x.exp()
    stats = e.detach()
    stats.add_(1.0)  # L
    log.append(stats.mean().item())
    return e


def run():
    x = torch.randn(3, 4, requires_grad=True)
    log = []
    softplus_features(x, log).sum().backward()
