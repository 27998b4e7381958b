"""SimCLR NT-Xent written the way the paper's formula reads: exponentiate the scaled cosine
similarities, zero the self-similarities on the diagonal, divide the positive by the row sum."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Projector(nn.Module):
    def __init__(self, d_in=12, d_out=6):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, d_out))

    def forward(self, x):
        return F.normalize(self.net(x), dim=1)


def nt_xent(z1, z2, tau=0.5):
    z = torch.cat([z1, z2])
    n = z1.shape[0]
    sim = torch.exp(z @ z.t() / tau)
    sim.fill_diagonal_(0.0)  # L
    pos_idx = torch.arange(2 * n).roll(n)
    pos = sim[torch.arange(2 * n), pos_idx]
    return -(pos / sim.sum(dim=1)).log().mean()


def run():
    torch.manual_seed(0)
    model = Projector()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x = torch.randn(5, 12)
    for _ in range(2):
        v1 = x + 0.1 * torch.randn_like(x)
        v2 = x + 0.1 * torch.randn_like(x)
        loss = nt_xent(model(v1), model(v2))
        opt.zero_grad()
        loss.backward()
        opt.step()
