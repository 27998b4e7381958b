import torch
import torch.nn as nn
import torch.nn.functional as F


class SimCLRHead(nn.Module):
    def __init__(self, d_in=8, d_out=6, tau=0.5):
        super().__init__()
        self.proj = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, d_out))
        self.tau = tau

    def forward(self, a, b):
        z = F.normalize(self.proj(torch.cat([a, b])), dim=1)
        return z, z @ z.t() / self.tau


def nt_xent(sim, n):
    sim = sim.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(n)])
    return F.cross_entropy(sim, target)


def embedding_spread(z):
    """Collapse monitor: mean per-dimension std of the centered embeddings."""
    zc = z.detach()
    zc.sub_(zc.mean(0, keepdim=True))  # L
    return zc.pow(2).mean(0).sqrt().mean().item()


def run():
    torch.manual_seed(0)
    head = SimCLRHead()
    opt = torch.optim.SGD(head.parameters(), lr=0.1)
    a = torch.randn(4, 8)
    b = a + 0.1 * torch.randn(4, 8)
    z, sim = head(a, b)
    loss = nt_xent(sim, 4)
    opt.zero_grad()
    loss.backward()
    logs = {"spread": embedding_spread(z)}
    opt.step()
    return logs
