import torch


class TinyLinear:
    def __init__(self, i, o):
        self.w = (torch.randn(i, o) * 0.1).requires_grad_()
        self.b = torch.zeros(o, requires_grad=True)

    def __call__(self, x):
        return x @ self.w + self.b

    def sgd(self, lr):
        with torch.no_grad():
            for p in (self.w, self.b):
                p -= lr * p.grad  # L
                p.grad.zero_()


def run():
    torch.manual_seed(0)
    layer = TinyLinear(3, 2)
    for _ in range(2):
        layer(torch.randn(4, 3)).pow(2).sum().backward()
        layer.sgd(0.1)
