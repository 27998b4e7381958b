import torch


def accumulate(a, b):
    buf = torch.empty_like(a)
    torch.mul(a, b, out=buf)  # L
    return buf


def run():
    a = torch.randn(3, requires_grad=True)
    b = torch.randn(3)
    accumulate(a, b).sum().backward()
