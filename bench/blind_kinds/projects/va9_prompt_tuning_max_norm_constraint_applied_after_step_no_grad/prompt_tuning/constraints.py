import torch


class MaxNormConstraint:
    """Projects each row of the named parameters back into the ball of radius max_norm."""

    def __init__(self, names, max_norm=1.0):
        self.names = set(names)
        self.max_norm = max_norm

    def __call__(self, model):
        for name, p in model.named_parameters():
            if name in self.names:
                norms = p.norm(dim=-1, keepdim=True).clamp(min=1e-12)
                p.mul_(torch.clamp(self.max_norm / norms, max=1.0))  # L
