"""A hand-written token embedding for a bag-of-words classifier keeps the padding row at zero by
writing it at the start of every forward (the optimizer's weight decay would move it)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PaddedEmbedding(nn.Module):
    def __init__(self, vocab, dim, pad_idx=0):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(vocab, dim) * 0.1)
        self.pad_idx = pad_idx

    def forward(self, tokens):
        self.weight[self.pad_idx] = 0.0  # L
        return self.weight[tokens]


class BagClassifier(nn.Module):
    def __init__(self, vocab=20, dim=8, n_cls=3):
        super().__init__()
        self.emb = PaddedEmbedding(vocab, dim)
        self.head = nn.Linear(dim, n_cls)

    def forward(self, tokens):
        mask = (tokens != 0).float().unsqueeze(-1)
        pooled = (self.emb(tokens) * mask).sum(1) / mask.sum(1).clamp_min(1)
        return self.head(pooled)


def run():
    torch.manual_seed(0)
    model = BagClassifier()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.1)
    tokens = torch.tensor([[3, 5, 7, 0], [2, 9, 0, 0], [4, 4, 11, 12]])
    y = torch.tensor([0, 1, 2])
    for _ in range(2):
        loss = F.cross_entropy(model(tokens), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
