import torch
import torch.nn as nn
import torch.nn.functional as F


class GumbelQuantizer(nn.Module):
    def __init__(self, dim, codebook_size, code_dim, tau=2.0):
        super().__init__()
        self.proj = nn.Linear(dim, codebook_size)
        self.codebook = nn.Parameter(torch.randn(codebook_size, code_dim))
        self.tau = tau

    def forward(self, x):
        logits = self.proj(x)
        onehot = F.gumbel_softmax(logits, tau=self.tau, hard=True)
        avg_probs = logits.softmax(-1).flatten(0, 1).mean(0)
        diversity = (avg_probs * (avg_probs + 1e-7).log()).sum() + torch.log(torch.tensor(float(len(avg_probs))))
        return onehot @ self.codebook, diversity
