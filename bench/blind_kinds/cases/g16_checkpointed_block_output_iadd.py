import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint


class GatedBlock(nn.Module):
    def __init__(self, dim, expansion=2):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, dim * expansion)
        self.fc2 = nn.Linear(dim * expansion, dim)

    def forward(self, x):
        # bounded update: tanh keeps each block's contribution in (-1, 1)
        return torch.tanh(self.fc2(torch.nn.functional.gelu(self.fc1(self.norm(x)))))


class DeepMLP(nn.Module):
    """Residual MLP trained with activation checkpointing to save memory."""

    def __init__(self, dim=8, depth=3):
        super().__init__()
        self.blocks = nn.ModuleList(GatedBlock(dim) for _ in range(depth))
        self.out = nn.Linear(dim, 1)

    def forward(self, x):
        h = x
        for block in self.blocks:
            # tanh's saved output is recomputed by checkpoint in backward,
            # so adding the residual into the block's output is allowed
            upd = checkpoint(block, h, use_reentrant=False)
            upd += h  # L
            h = upd
        return self.out(h)


def run():
    torch.manual_seed(0)
    model = DeepMLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x, y = torch.randn(4, 8), torch.randn(4, 1)
    loss = nn.functional.mse_loss(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()


def silent_hazard():
    """True when the gradient torch computes differs from the true one (no error is raised)."""
    torch.manual_seed(0)
    model = DeepMLP()
    x, y = torch.randn(4, 8), torch.randn(4, 1)
    nn.functional.mse_loss(model(x), y).backward()
    got = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    h = x
    for block in model.blocks:
        h = block(h) + h
    nn.functional.mse_loss(model.out(h), y).backward()
    return any(not torch.allclose(a, p.grad, atol=1e-6) for a, p in zip(got, model.parameters()))
