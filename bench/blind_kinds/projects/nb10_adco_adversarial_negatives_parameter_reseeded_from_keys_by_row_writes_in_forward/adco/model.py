import torch
import torch.nn as nn
import torch.nn.functional as F

from .memory import AdversarialMemory


class AdCo(nn.Module):
    def __init__(self, d_in, dim, mem_size, tau, refresh):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, dim))
        self.memory = AdversarialMemory(mem_size, dim)
        self.tau, self.refresh = tau, refresh

    def embed(self, x):
        return F.normalize(self.encoder(x), dim=1)

    def forward(self, x_q, x_k, step):
        q = self.embed(x_q)
        with torch.no_grad():
            k = self.embed(x_k)
        if self.refresh.due(step):
            self.memory.reseed_(k, self.refresh.rows)  # L
        l_pos = (q * k).sum(dim=1, keepdim=True)
        logits = torch.cat([l_pos, self.memory.logits(q)], dim=1) / self.tau
        return F.cross_entropy(logits, torch.zeros(q.size(0), dtype=torch.long))
