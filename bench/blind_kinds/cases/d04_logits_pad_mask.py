import torch
import torch.nn as nn
import torch.nn.functional as F


class LMHead(nn.Module):
    def __init__(self, d, vocab, pad_id=0):
        super().__init__()
        self.proj = nn.Linear(d, vocab)
        self.pad_id = pad_id

    def forward(self, h, targets):
        logits = self.proj(h)
        logits[..., self.pad_id] = float("-inf")  # L
        return F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))


def run():
    torch.manual_seed(0)
    head = LMHead(4, 7)
    h = torch.randn(2, 3, 4, requires_grad=True)
    head(h, torch.randint(1, 7, (2, 3))).backward()
