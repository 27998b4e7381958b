"""Capsule layer with dynamic routing-by-agreement (Sabour et al., 2017), squash written in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def squash(s, dim=-1, eps=1e-8):
    norm2 = s.pow(2).sum(dim, keepdim=True)
    s.mul_(norm2 / (1 + norm2) / (norm2 + eps).sqrt())  # L
    return s


class CapsuleLayer(nn.Module):
    def __init__(self, in_caps=6, in_dim=4, out_caps=3, out_dim=5, iters=3):
        super().__init__()
        self.iters = iters
        self.W = nn.Parameter(0.1 * torch.randn(1, in_caps, out_caps, out_dim, in_dim))

    def forward(self, u):
        u_hat = (self.W @ u[:, :, None, :, None]).squeeze(-1)
        logits = u_hat.new_zeros(u_hat.shape[:3])
        for r in range(self.iters):
            c = logits.softmax(dim=2)
            v = squash((c.unsqueeze(-1) * u_hat).sum(dim=1))  # L
            if r < self.iters - 1:
                logits = logits + (u_hat * v.unsqueeze(1)).sum(-1)
        return v


class CapsNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.primary = nn.Linear(8, 6 * 4)
        self.digits = CapsuleLayer()

    def forward(self, x):
        u = squash(self.primary(x).view(-1, 6, 4))
        return self.digits(u).norm(dim=-1)


def margin_loss(lengths, y, m_pos=0.9, m_neg=0.1, lam=0.5):
    t = F.one_hot(y, lengths.shape[1]).float()
    return (t * F.relu(m_pos - lengths) ** 2 + lam * (1 - t) * F.relu(lengths - m_neg) ** 2).sum(1).mean()


def run():
    torch.manual_seed(0)
    model = CapsNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, y = torch.randn(4, 8), torch.randint(0, 3, (4,))
        loss = margin_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
