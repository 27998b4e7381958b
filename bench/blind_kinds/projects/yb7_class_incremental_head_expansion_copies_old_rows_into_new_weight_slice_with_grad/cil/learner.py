"""Class-incremental learning with a growing head and LwF-style distillation on the old classes."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

from .heads import IncrementalHead


class IncrementalLearner(nn.Module):
    def __init__(self, d_in, n_first, hidden=16, T=2.0, kd_weight=1.0, lr=0.05):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU())
        self.head = IncrementalHead(hidden, n_first)
        self.T, self.kd_weight, self.lr = T, kd_weight, lr
        self.old = None
        self.optimizer = torch.optim.SGD(self.parameters(), lr=lr)

    def forward(self, x):
        return self.head(self.backbone(x))

    def begin_task(self, n_new):
        self.old = copy.deepcopy(self).eval()
        for p in self.old.parameters():
            p.requires_grad_(False)
        self.head.expand(n_new)  # L
        self.optimizer = torch.optim.SGD(self.parameters(), lr=self.lr)

    def observe(self, x, y):
        logits = self(x)
        loss = F.cross_entropy(logits, y)
        if self.old is not None:
            with torch.no_grad():
                old_logits = self.old(x)
            n_old = old_logits.shape[1]
            loss = loss + self.kd_weight * F.kl_div(
                F.log_softmax(logits[:, :n_old] / self.T, 1), F.softmax(old_logits / self.T, 1),
                reduction="batchmean") * self.T**2
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()
