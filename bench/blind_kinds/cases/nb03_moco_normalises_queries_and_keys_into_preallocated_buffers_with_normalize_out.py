"""A MoCo (v2) head that avoids per-step allocations: both the query and the key embeddings are
L2-normalised into preallocated buffers with ``F.normalize(..., out=buf)``.  The keys come from
the momentum encoder under ``no_grad``; the queries carry the gradient."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class MoCo(nn.Module):
    def __init__(self, encoder, dim=8, batch=6, queue_len=24, m=0.99, tau=0.2):
        super().__init__()
        self.encoder_q = encoder
        self.encoder_k = copy.deepcopy(encoder).requires_grad_(False)
        self.m, self.tau = m, tau
        self.register_buffer("queue", F.normalize(torch.randn(queue_len, dim), dim=1))
        self.register_buffer("ptr", torch.zeros((), dtype=torch.long))
        self.register_buffer("q_buf", torch.empty(batch, dim))
        self.register_buffer("k_buf", torch.empty(batch, dim))

    @torch.no_grad()
    def momentum_update(self):
        for pk, pq in zip(self.encoder_k.parameters(), self.encoder_q.parameters()):
            pk.mul_(self.m).add_(pq.detach(), alpha=1 - self.m)

    @torch.no_grad()
    def enqueue(self, k):
        i = int(self.ptr)
        self.queue[i:i + k.size(0)] = k
        self.ptr.fill_((i + k.size(0)) % self.queue.size(0))

    def forward(self, x_q, x_k):
        q = F.normalize(self.encoder_q(x_q), dim=1, out=self.q_buf)  # L
        with torch.no_grad():
            self.momentum_update()
            k = F.normalize(self.encoder_k(x_k), dim=1, out=self.k_buf)
        l_pos = (q * k).sum(dim=1, keepdim=True)
        l_neg = q @ self.queue.clone().t()
        logits = torch.cat([l_pos, l_neg], dim=1) / self.tau
        self.enqueue(k)
        return F.cross_entropy(logits, torch.zeros(q.size(0), dtype=torch.long))


def run():
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 8))
    model = MoCo(encoder)
    opt = torch.optim.SGD(model.encoder_q.parameters(), lr=0.03, momentum=0.9)
    for _ in range(3):
        x = torch.randn(6, 10)
        loss = model(x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x))
        opt.zero_grad()
        loss.backward()
        opt.step()
