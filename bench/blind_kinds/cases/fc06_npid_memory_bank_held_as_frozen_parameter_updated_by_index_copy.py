"""Non-parametric instance discrimination with a memory bank kept as an nn.Parameter (so it is
saved and moved with the model) made with requires_grad=False; it is written with index_copy_
after the optimizer step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MemoryBank(nn.Module):
    def __init__(self, size, dim, momentum=0.5):
        super().__init__()
        self.memory = nn.Parameter(F.normalize(torch.randn(size, dim), dim=1), requires_grad=False)
        self.momentum = momentum

    def logits(self, feats, tau=0.1):
        return feats @ self.memory.detach().t() / tau

    def update(self, feats, idx):
        mixed = self.memory[idx].detach() * self.momentum + feats.detach() * (1 - self.momentum)
        self.memory.index_copy_(0, idx, F.normalize(mixed, dim=1))  # L


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 8))

    def forward(self, x):
        return F.normalize(self.net(x), dim=1)


def run():
    torch.manual_seed(0)
    enc, bank = Encoder(), MemoryBank(20, 8)
    opt = torch.optim.SGD(enc.parameters(), lr=0.03, momentum=0.9)
    for _ in range(2):
        idx = torch.randperm(20)[:5]
        feats = enc(torch.randn(5, 6))
        loss = F.cross_entropy(bank.logits(feats), idx)
        opt.zero_grad()
        loss.backward()
        opt.step()
        bank.update(feats, idx)  # L
