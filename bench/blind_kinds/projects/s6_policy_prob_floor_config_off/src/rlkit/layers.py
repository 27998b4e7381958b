import torch.nn as nn


class ProbFloor(nn.Module):
    """Raises every probability to at least eps and renormalises the rows."""

    def __init__(self, eps, inplace=False):
        super().__init__()
        self.eps = eps
        self.inplace = inplace

    def forward(self, probs):
        if self.inplace:
            probs.clamp_(min=self.eps)  # L
            return probs.div_(probs.sum(dim=-1, keepdim=True))  # L
        probs = probs.clamp(min=self.eps)
        return probs / probs.sum(dim=-1, keepdim=True)

    def extra_repr(self):
        return f"eps={self.eps}, inplace={self.inplace}"
