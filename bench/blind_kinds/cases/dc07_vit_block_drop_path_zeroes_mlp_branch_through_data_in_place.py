"""A pre-norm transformer block with stochastic depth on the MLP branch (Huang et al. 2016, as in
DeiT).  The drop-path helper scales the branch output by a per-sample keep mask in place; it goes
through ``.data`` so that the mask "is not part of the graph"."""
import torch
import torch.nn as nn


def drop_path_(branch, p, training):
    if not training or p == 0.0:
        return branch
    keep = 1.0 - p
    mask = torch.empty(branch.size(0), 1, 1).bernoulli_(keep).div_(keep)
    branch.data.mul_(mask)  # L
    return branch


class Block(nn.Module):
    def __init__(self, dim=8, drop_path=0.5):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fc1, self.act, self.fc2 = nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim)
        self.drop_path = drop_path

    def forward(self, x):
        branch = self.fc2(self.act(self.fc1(self.norm(x))))
        return x + drop_path_(branch, self.drop_path, self.training)  # L


def step(block, x, seed):
    torch.manual_seed(seed)
    out = block(x)
    block.zero_grad()
    out.pow(2).sum().backward()
    return [p.grad.clone() for p in block.parameters()]


def run():
    torch.manual_seed(0)
    block = Block()
    opt = torch.optim.AdamW(block.parameters(), lr=1e-3)
    x = torch.randn(6, 5, 8)
    loss = block(x).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()


def silent_hazard():
    """The gradient must be the one of the function the forward computed: the same mask applied out
    of place (same seed, so the same mask) is the reference."""
    x = torch.randn(6, 5, 8)
    torch.manual_seed(0)
    block = Block()
    got = step(block, x, seed=3)

    def reference_forward(inp):
        branch = block.fc2(block.act(block.fc1(block.norm(inp))))
        keep = 1.0 - block.drop_path
        mask = torch.empty(branch.size(0), 1, 1).bernoulli_(keep).div_(keep)
        return inp + branch * mask

    torch.manual_seed(3)
    out = reference_forward(x)
    block.zero_grad()
    out.pow(2).sum().backward()
    want = [p.grad.clone() for p in block.parameters()]
    return any(not torch.allclose(g, w, atol=1e-6) for g, w in zip(got, want))
