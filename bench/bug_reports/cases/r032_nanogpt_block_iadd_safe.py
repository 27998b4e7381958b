# Source: https://github.com/karpathy/nanoGPT/pull/72
# Safe twin: nanoGPT's actual Block, out-of-place residual adds.
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
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


def run():
    emb = nn.Embedding(10, 8)
    block = Block()
    x = emb(torch.tensor([[1, 2, 3]]))
    block(x).sum().backward()


if __name__ == "__main__":
    run()
