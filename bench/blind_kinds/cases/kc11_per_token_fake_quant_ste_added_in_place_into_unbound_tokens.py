"""Per-token dynamic activation fake-quant with an in-place straight-through update: each token
row gets `t.add_(q - t.detach())`, where q is the row rounded to an int8 grid by its own absmax;
the rows come from `unbind(0)` of the projection output."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def quantise_row_(t, levels=127):
    d = t.detach()
    scale = d.abs().amax().clamp(min=1e-8) / levels
    q = (d / scale).round().clamp(-levels, levels) * scale
    t.add_(q - d)  # L


class TokenQuantProjection(nn.Module):
    def __init__(self, d=8):
        super().__init__()
        self.proj = nn.Linear(d, d)
        self.head = nn.Linear(d, 2)

    def forward(self, tokens):
        h = self.proj(tokens)
        for row in h.unbind(0):
            quantise_row_(row)  # L
        return self.head(torch.relu(h))


def run():
    torch.manual_seed(0)
    model = TokenQuantProjection()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(5, 8), torch.randn(5, 2)
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
