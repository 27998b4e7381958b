from dataclasses import dataclass, field

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class SeqLossConfig:
    pad_id: int = 0
    length_normalise: bool = True
    weights: dict = field(default_factory=lambda: {"token": 1.0})


class MaskedTokenNLL:
    def __init__(self, cfg: SeqLossConfig):
        self.cfg = cfg

    def __call__(self, logits, targets):
        pad = targets.eq(self.cfg.pad_id)
        logp = F.log_softmax(logits, dim=-1)
        nll = -logp.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
        nll.masked_fill_(pad, 0.0)  # L
        total = nll.sum(-1)
        if not self.cfg.length_normalise:
            return total.mean()
        return (total / (~pad).sum(-1).clamp(min=1)).mean() * self.cfg.weights["token"]


class TinyTagger(nn.Module):
    def __init__(self, vocab=7, dim=8, tags=5):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.out = nn.Linear(dim, tags)

    def forward(self, tokens):
        h, _ = self.rnn(self.emb(tokens))
        return self.out(h)


def run():
    torch.manual_seed(0)
    model, loss_fn = TinyTagger(), MaskedTokenNLL(SeqLossConfig())
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    tokens = torch.randint(1, 7, (3, 6))
    targets = torch.randint(1, 5, (3, 6))
    targets[0, 4:] = 0
    targets[2, 2:] = 0
    for _ in range(2):
        loss = loss_fn(model(tokens), targets)
        opt.zero_grad()
        loss.backward()
        opt.step()
