import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint


class MLPBlock(nn.Module):
    def __init__(self, dim, expansion=2):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, dim * expansion)
        self.fc2 = nn.Linear(dim * expansion, dim)

    def forward(self, x):
        return self.fc2(torch.nn.functional.gelu(self.fc1(self.norm(x))))


class DeepMLP(nn.Module):
    """Residual MLP trained with activation checkpointing to save memory."""

    def __init__(self, dim=8, depth=3, grad_ckpt=True):
        super().__init__()
        self.stem = nn.Linear(dim, dim)
        self.blocks = nn.ModuleList(MLPBlock(dim) for _ in range(depth))
        self.out = nn.Linear(dim, 1)
        self.grad_ckpt = grad_ckpt

    def forward(self, x):
        h = self.stem(x)
        for block in self.blocks:
            if self.grad_ckpt and self.training:
                h += checkpoint(block, h, use_reentrant=False)  # L
            else:
                h = h + block(h)
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
