import torch.nn as nn

from .ops import gated_add_, modulate_


class DiTBlock(nn.Module):
    def __init__(self, dim, heads=2, mlp_ratio=2):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.norm2 = nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)
        self.mlp = nn.Sequential(nn.Linear(dim, mlp_ratio * dim), nn.GELU(approximate="tanh"),
                                 nn.Linear(mlp_ratio * dim, dim))
        self.adaLN_modulation = nn.Sequential(nn.SiLU(), nn.Linear(dim, 6 * dim))

    def forward(self, x, c):
        shift_msa, scale_msa, gate_msa, shift_mlp, scale_mlp, gate_mlp = self.adaLN_modulation(c).chunk(6, dim=1)
        h = modulate_(self.norm1(x), shift_msa, scale_msa)
        x = gated_add_(x, gate_msa, self.attn(h, h, h, need_weights=False)[0])  # L
        h = modulate_(self.norm2(x), shift_mlp, scale_mlp)
        return gated_add_(x, gate_mlp, self.mlp(h))  # L
