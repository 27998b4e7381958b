# vector_quantize_pytorch 1.32.0 vector_quantize_pytorch.py:585 and :99 (IPL004 warnings: `.data` writes to
# `embed_avg` "saved by div at line 602" in Codebook.update_ema; laplace_smoothing at line 154).
# Safe: embed_avg and cluster_size are buffers that never require grad (all writes go through `.data`), so the div
# saves nothing; and its result only feeds `self.embed.data.copy_`, which no backward reaches. Both ingredients
# are needed: `self.codebook_size` (an int from an unannotated constructor argument) is taken as a possibly
# grad-requiring tensor (quiet with `8 * 1e-5`), and the `if self.use_cosine_sim:` rebind keeps the result alive
# (quiet without it; the join cause of 02).
import torch
from torch import nn


class Codebook(nn.Module):
    def __init__(self, codebook_size, dim=4, use_cosine_sim=False):
        super().__init__()
        self.codebook_size = codebook_size
        self.use_cosine_sim = use_cosine_sim
        self.register_buffer("cluster_size", torch.ones(codebook_size))
        self.register_buffer("embed_avg", torch.randn(codebook_size, dim))
        self.register_buffer("embed", self.embed_avg.clone())

    def update_ema(self):
        smoothed = (self.cluster_size + 1e-5) / (self.cluster_size.sum() + self.codebook_size * 1e-5)
        embed_normalized = self.embed_avg / smoothed.unsqueeze(-1)
        if self.use_cosine_sim:
            embed_normalized = nn.functional.normalize(embed_normalized, dim=-1)
        self.embed.data.copy_(embed_normalized)

    def forward(self, x):
        embed = self.embed.clone()
        onehot = nn.functional.one_hot(torch.cdist(x, embed).argmin(-1), self.codebook_size).float()
        self.cluster_size.data.lerp_(onehot.sum(0), 0.2)
        self.update_ema()
        self.embed_avg.data[self.cluster_size < 0.5] = 0.0
        return x + (onehot @ embed - x).detach()  # straight-through, as in the library


cb, lin = Codebook(8), nn.Linear(4, 4)
for _ in range(3):
    cb(lin(torch.randn(16, 4))).sum().backward()
