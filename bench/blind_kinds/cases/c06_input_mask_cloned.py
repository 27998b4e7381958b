import torch


def masked_mse(pred, target, valid):
    pred = pred.clone()
    pred[~valid] = 0.0  # L
    return ((pred - target) ** 2).mean()


def run():
    pred = torch.randn(5, requires_grad=True)
    target = torch.randn(5)
    valid = torch.tensor([True, False, True, True, False])
    masked_mse(pred, target, valid).backward()
