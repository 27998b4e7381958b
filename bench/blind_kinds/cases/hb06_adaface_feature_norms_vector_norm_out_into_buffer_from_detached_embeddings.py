"""AdaFace-style adaptive margin (Kim et al. 2022): the margin of each sample depends on its
feature norm, standardised by a running mean and std of the norms. The head keeps a preallocated
buffer for the batch's norms and fills it with torch.linalg.vector_norm(..., out=) from the
embeddings detached first (AdaFace detaches the norms anyway: they only set the margin)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class AdaFaceHead(nn.Module):
    def __init__(self, d, classes, batch, m=0.4, h=0.333, s=16.0, momentum=0.01, detach_norms=False):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(classes, d) * 0.1)
        self.m, self.h, self.s, self.momentum = m, h, s, momentum
        self.detach_norms = detach_norms
        self.register_buffer("norms", torch.empty(batch))
        self.register_buffer("batch_mean", torch.tensor(20.0))
        self.register_buffer("batch_std", torch.tensor(100.0))

    def forward(self, emb, labels):
        src = emb.detach() if self.detach_norms else emb
        torch.linalg.vector_norm(src, dim=1, out=self.norms)  # L
        safe_norms = self.norms.clamp(0.001, 100).detach()
        mean, std = safe_norms.mean(), safe_norms.std()
        with torch.no_grad():
            self.batch_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
            self.batch_std.mul_(1 - self.momentum).add_(self.momentum * std)
        scaler = ((safe_norms - self.batch_mean) / (self.batch_std + 1e-3) * self.h).clamp(-1, 1)
        cos = F.normalize(emb, dim=1) @ F.normalize(self.weight, dim=1).t()
        theta = torch.acos(cos.clamp(-1 + 1e-4, 1 - 1e-4))
        onehot = F.one_hot(labels, cos.shape[1]).to(cos.dtype)
        g_angular = (-self.m * scaler).unsqueeze(1) * onehot
        theta = (theta + g_angular).clamp(1e-4, math.pi - 1e-4)
        g_add = (self.m + self.m * scaler).unsqueeze(1) * onehot
        return (torch.cos(theta) - g_add) * self.s


def run(detach_norms=True):
    torch.manual_seed(0)
    backbone = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 8))
    head = AdaFaceHead(8, 5, batch=6, detach_norms=detach_norms)
    opt = torch.optim.SGD(list(backbone.parameters()) + list(head.parameters()), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(6, 10), torch.randint(0, 5, (6,))
        loss = F.cross_entropy(head(backbone(x), y), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
