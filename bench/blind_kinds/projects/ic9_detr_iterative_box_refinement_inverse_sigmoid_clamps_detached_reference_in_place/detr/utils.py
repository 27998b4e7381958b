import torch


def inverse_sigmoid(x, eps=1e-5):
    x.clamp_(0, 1)  # L
    x1 = x.clamp(min=eps)
    x2 = (1 - x).clamp_(min=eps)
    return torch.log(x1 / x2)
