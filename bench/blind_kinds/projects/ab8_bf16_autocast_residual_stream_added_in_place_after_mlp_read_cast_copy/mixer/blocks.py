import torch.nn as nn
import torch.nn.functional as F


class ResidualMLP(nn.Module):
    """Post-norm MLP block.  The residual stream stays in float32 under autocast (the
    residual_in_fp32 convention), and the branch is added into it in place to save a copy."""

    def __init__(self, dim, expansion=4):
        super().__init__()
        self.fc1 = nn.Linear(dim, expansion * dim)
        self.fc2 = nn.Linear(expansion * dim, dim)
        self.norm = nn.LayerNorm(dim)

    def forward(self, x):
        h = self.fc2(F.gelu(self.fc1(x)))
        x += h  # L
        return self.norm(x)
