"""Server optimizers of Reddi et al. 2021 ("Adaptive Federated Optimization"): the negated mean client
delta is a pseudo-gradient for the global model."""
import torch

SERVER_OPTS = {}


def register(name):
    def deco(cls):
        SERVER_OPTS[name] = cls
        return cls
    return deco


@register("fedavgm")
class FedAvgM:
    """Server momentum (Hsu et al. 2019), written out by hand."""

    def __init__(self, params, lr=1.0, momentum=0.9):
        self.params, self.lr, self.momentum = list(params), lr, momentum
        self.bufs = [torch.zeros_like(p) for p in self.params]

    def apply(self, mean_delta):
        for p, buf, d in zip(self.params, self.bufs, mean_delta):
            buf.mul_(self.momentum).add_(d)
            p.add_(buf, alpha=self.lr)  # L


@register("fedadam")
class FedAdam:
    """Adam on the pseudo-gradient, delegated to torch.optim."""

    def __init__(self, params, lr=0.01, betas=(0.9, 0.99), eps=1e-3):
        self.params = list(params)
        self.opt = torch.optim.Adam(self.params, lr=lr, betas=betas, eps=eps)

    def apply(self, mean_delta):
        for p, d in zip(self.params, mean_delta):
            p.grad = -d
        self.opt.step()
