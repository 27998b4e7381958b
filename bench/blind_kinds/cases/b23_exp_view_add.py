import torch


def positive_features(x):
    y = x.exp()
    flat = y.view(-1)
    flat.add_(1e-3)  # L
    return y


def run():
    x = torch.randn(3, 4, requires_grad=True)
    positive_features(x).sum().backward()
