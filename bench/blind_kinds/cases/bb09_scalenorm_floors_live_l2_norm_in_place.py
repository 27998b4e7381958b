"""ScaleNorm (Nguyen & Salazar 2019), g * x / max(||x||, eps), hand-written for a small
pre-norm transformer encoder: the norm is floored in place before dividing."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ScaleNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.g = nn.Parameter(torch.tensor(d ** 0.5))
        self.eps = eps

    def forward(self, x):
        n = x.norm(dim=-1, keepdim=True)
        n.clamp_(min=self.eps)  # L
        return self.g * x / n


class Block(nn.Module):
    def __init__(self, d, heads=2):
        super().__init__()
        self.norm1, self.norm2 = ScaleNorm(d), ScaleNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x):
        h = self.norm1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.ff(self.norm2(x))


def run():
    torch.manual_seed(0)
    embed, blocks, head = nn.Embedding(20, 8), nn.Sequential(Block(8), Block(8)), nn.Linear(8, 20)
    params = [*embed.parameters(), *blocks.parameters(), *head.parameters()]
    opt = torch.optim.AdamW(params, lr=1e-3)
    for _ in range(2):
        tokens = torch.randint(0, 20, (3, 6))
        logits = head(blocks(embed(tokens[:, :-1])))
        loss = F.cross_entropy(logits.reshape(-1, 20), tokens[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
