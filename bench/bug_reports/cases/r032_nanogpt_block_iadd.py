# Source: https://github.com/karpathy/nanoGPT/pull/72
# Report: a PR replacing `x = x + self.attn(self.ln_1(x))` with the in-place
# `x += ...` in the transformer Block; a reviewer points out it raises "modified
# by an inplace operation" (LayerNorm saved x for backward).
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, n_embd=8):
        super().__init__()
        self.ln_1 = nn.LayerNorm(n_embd)
        self.attn = nn.Linear(n_embd, n_embd)
        self.ln_2 = nn.LayerNorm(n_embd)
        self.mlp = nn.Sequential(nn.Linear(n_embd, 16), nn.GELU(), nn.Linear(16, n_embd))

    def forward(self, x):
        x += self.attn(self.ln_1(x))  # hazard
        x += self.mlp(self.ln_2(x))  # hazard
        return x


def run():
    emb = nn.Embedding(10, 8)
    block = Block()
    x = emb(torch.tensor([[1, 2, 3]]))
    block(x).sum().backward()


if __name__ == "__main__":
    run()
