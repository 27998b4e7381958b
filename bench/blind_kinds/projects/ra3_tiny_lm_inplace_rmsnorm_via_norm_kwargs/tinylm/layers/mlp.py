import torch.nn as nn
import torch.nn.functional as F


class SwiGLU(nn.Module):
    def __init__(self, dim, mult=2):
        super().__init__()
        self.w12 = nn.Linear(dim, 2 * mult * dim, bias=False)
        self.w3 = nn.Linear(mult * dim, dim, bias=False)

    def forward(self, x):
        a, b = self.w12(x).chunk(2, dim=-1)
        return self.w3(F.silu(a) * b)
