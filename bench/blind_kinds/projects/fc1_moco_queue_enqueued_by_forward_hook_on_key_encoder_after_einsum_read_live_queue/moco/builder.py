import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

from .queue import KeyQueue, enqueue_on_forward


class MoCo(nn.Module):
    def __init__(self, encoder, dim=8, size=16, m=0.99, tau=0.2):
        super().__init__()
        self.encoder_q = encoder
        self.encoder_k = copy.deepcopy(encoder).requires_grad_(False)
        self.keys = KeyQueue(dim, size)
        self.m, self.tau = m, tau
        self._hook = enqueue_on_forward(self.encoder_k, self.keys)

    @torch.no_grad()
    def momentum_update(self):
        for pk, pq in zip(self.encoder_k.parameters(), self.encoder_q.parameters()):
            pk.mul_(self.m).add_(pq.detach(), alpha=1 - self.m)

    def negatives(self):
        return self.keys.queue

    def forward(self, x_q, x_k):
        q = F.normalize(self.encoder_q(x_q), dim=1)
        l_neg = torch.einsum("nc,ck->nk", q, self.negatives())
        with torch.no_grad():
            self.momentum_update()
            k = F.normalize(self.encoder_k(x_k), dim=1)  # L
        l_pos = (q * k).sum(1, keepdim=True)
        logits = torch.cat([l_pos, l_neg], dim=1) / self.tau
        return F.cross_entropy(logits, torch.zeros(len(q), dtype=torch.long))
