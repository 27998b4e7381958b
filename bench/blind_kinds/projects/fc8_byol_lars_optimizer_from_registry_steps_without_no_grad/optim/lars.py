import torch


class LARS(torch.optim.Optimizer):
    """Layer-wise adaptive rate scaling (You et al.), as used for large-batch SimCLR/BYOL."""

    def __init__(self, params, lr=0.1, momentum=0.9, weight_decay=1e-6, eta=0.001):
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, eta=eta))

    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad.add(p, alpha=group["weight_decay"]) if p.ndim > 1 else p.grad
                if p.ndim > 1:
                    w_norm, g_norm = torch.norm(p), torch.norm(g)
                    trust = torch.where(w_norm * g_norm > 0, group["eta"] * w_norm / g_norm, torch.ones_like(w_norm))
                    g = g * trust
                state = self.state[p]
                buf = state.setdefault("mu", torch.zeros_like(p))
                buf.mul_(group["momentum"]).add_(g)
                p.add_(buf, alpha=-group["lr"])  # L
