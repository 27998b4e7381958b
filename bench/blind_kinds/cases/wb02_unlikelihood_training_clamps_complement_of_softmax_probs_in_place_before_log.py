"""Token-level unlikelihood training (Welleck et al.): the usual NLL on the gold token plus
-log(1 - p) on the negative candidates (the previous context tokens). Here the
complement 1 - p is clamped in place from below so that its log stays finite."""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, D = 12, 8


class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.rnn = nn.GRU(D, D, batch_first=True)
        self.out = nn.Linear(D, VOCAB)

    def forward(self, ids):
        h, _ = self.rnn(self.embed(ids))
        return self.out(h)


def negative_candidates(ids):
    # candidates at step t: the tokens seen before t, except the gold one
    b, t = ids.shape
    cand = torch.zeros(b, t, VOCAB)
    for i in range(1, t):
        cand[:, i].scatter_(1, ids[:, :i], 1.0)
    cand.scatter_(2, ids.unsqueeze(-1), 0.0)
    return cand


def unlikelihood_loss(logits, targets, context, alpha=0.5):
    probs = logits.softmax(-1)
    nll = -probs.gather(-1, targets.unsqueeze(-1)).log().mean()
    one_minus = (1.0 - probs).clamp_(min=1e-5)  # L
    ul = -(one_minus.log() * negative_candidates(context)).sum(-1).mean()
    return nll + alpha * ul


def run():
    torch.manual_seed(0)
    model = TinyLM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    ids = torch.randint(0, VOCAB, (3, 7))
    logits = model(ids[:, :-1])
    loss = unlikelihood_loss(logits, ids[:, 1:], ids[:, :-1])
    opt.zero_grad()
    loss.backward()
    opt.step()
