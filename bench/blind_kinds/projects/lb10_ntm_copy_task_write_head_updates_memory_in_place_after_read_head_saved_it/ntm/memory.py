"""The NTM memory matrix: content addressing, read and erase/add write (Graves et al. 2014)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class NTMMemory(nn.Module):
    def __init__(self, n_slots, width):
        super().__init__()
        self.register_buffer("mem_bias", torch.empty(n_slots, width).uniform_(-0.1, 0.1))
        self.memory = None

    def reset(self, batch):
        self.memory = self.mem_bias.clone().repeat(batch, 1, 1)

    def address(self, key, beta):
        sim = F.cosine_similarity(self.memory + 1e-16, key.unsqueeze(1) + 1e-16, dim=-1)
        return F.softmax(beta * sim, dim=1)

    def read(self, w):
        return torch.matmul(w.unsqueeze(1), self.memory).squeeze(1)

    def write_(self, w, erase, add):
        """Erase then add, in place: one memory matrix per sequence, however long."""
        self.memory.mul_(1 - w.unsqueeze(-1) * erase.unsqueeze(1))  # L
        self.memory.add_(w.unsqueeze(-1) * add.unsqueeze(1))  # L
