"""A GLU-style feed-forward whose value half goes through a hand-written in-place softsign
activation Function (correctly marked dirty), the halves taken by slicing."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class InplaceSoftsign(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.mark_dirty(x)
        denom = 1 + x.abs()
        x.div_(denom)
        ctx.save_for_backward(denom)
        return x

    @staticmethod
    def backward(ctx, grad):
        (denom,) = ctx.saved_tensors
        return grad / denom.pow(2)


class GatedFFN(nn.Module):
    def __init__(self, d, hidden):
        super().__init__()
        self.up = nn.Linear(d, 2 * hidden)
        self.down = nn.Linear(hidden, d)
        self.hidden = hidden

    def halves(self, h):
        return h[..., : self.hidden], h[..., self.hidden :]

    def forward(self, x):
        value, gate = self.halves(self.up(x))
        value = InplaceSoftsign.apply(value)  # L
        return x + self.down(value * torch.sigmoid(gate))


def run():
    torch.manual_seed(0)
    ffn = GatedFFN(4, 6)
    head = nn.Linear(4, 2)
    opt = torch.optim.Adam(list(ffn.parameters()) + list(head.parameters()), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(3, 5, 4), torch.randn(3, 2)
        loss = F.mse_loss(head(ffn(x).mean(1)), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
