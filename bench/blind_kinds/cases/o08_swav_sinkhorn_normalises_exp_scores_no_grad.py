"""SwAV-style swapped prediction: Sinkhorn-Knopp (no grad, as in SwAV) turns prototype scores into codes."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def _alternating(n_iters):
    for _ in range(n_iters):
        yield 1  # rows: prototypes
        yield 0  # columns: samples


@torch.no_grad()
def sinkhorn(scores, eps=0.05, n_iters=3):
    Q = torch.exp(scores / eps).t()
    Q /= Q.sum()  # L
    K, B = Q.shape
    for dim in _alternating(n_iters):
        Q /= Q.sum(dim=dim, keepdim=True)  # L
        Q /= K if dim == 1 else B  # L
    return (Q * B).t()


class SwAV(nn.Module):
    def __init__(self, d_in=10, d=8, n_protos=6, temp=0.1):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, d))
        self.prototypes = nn.Linear(d, n_protos, bias=False)
        self.temp = temp

    def forward(self, v1, v2):
        z1 = F.normalize(self.backbone(v1), dim=1)
        z2 = F.normalize(self.backbone(v2), dim=1)
        s1, s2 = self.prototypes(z1), self.prototypes(z2)
        q1, q2 = sinkhorn(s1), sinkhorn(s2)
        p1, p2 = F.log_softmax(s1 / self.temp, 1), F.log_softmax(s2 / self.temp, 1)
        return -0.5 * ((q1 * p2).sum(1).mean() + (q2 * p1).sum(1).mean())


def run():
    torch.manual_seed(0)
    model = SwAV()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(2):
        x = torch.randn(8, 10)
        loss = model(x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x))
        opt.zero_grad()
        loss.backward()
        opt.step()
