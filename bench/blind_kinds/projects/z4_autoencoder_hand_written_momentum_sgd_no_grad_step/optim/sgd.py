from .base import ManualOptimizer


class MomentumSGD(ManualOptimizer):
    def __init__(self, groups, lr=0.01, momentum=0.9, weight_decay=0.0):
        super().__init__(groups, lr=lr, momentum=momentum, weight_decay=weight_decay)

    def update(self, p, group, state):
        d_p = p.grad
        if group["weight_decay"]:
            d_p = d_p.add(p, alpha=group["weight_decay"])
        buf = state.get("momentum_buffer")
        if buf is None:
            buf = state["momentum_buffer"] = d_p.clone()
        else:
            buf.mul_(group["momentum"]).add_(d_p)
        p.add_(buf, alpha=-group["lr"])  # L
