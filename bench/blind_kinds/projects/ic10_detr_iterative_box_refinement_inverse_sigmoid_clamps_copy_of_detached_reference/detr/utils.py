import torch


def inverse_sigmoid(x, eps=1e-5):
    x = x.clamp(0, 1)
    x1 = x.clamp(min=eps)
    x2 = (1 - x).clamp_(min=eps)  # L
    return torch.log(x1 / x2)
