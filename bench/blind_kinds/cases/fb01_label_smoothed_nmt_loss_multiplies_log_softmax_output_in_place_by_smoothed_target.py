"""A translation model's label-smoothed cross entropy, written to save one [B, T, V] buffer: the
smoothed target distribution is multiplied into the log-probabilities in place before the sum.
The log-probabilities come from `F.log_softmax`."""
import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = 0


def smoothed_targets(target, vocab, eps):
    dist = torch.full((*target.shape, vocab), eps / (vocab - 2))
    dist.scatter_(-1, target.unsqueeze(-1), 1.0 - eps)
    dist[..., PAD] = 0.0
    dist[target == PAD] = 0.0
    return dist


def label_smoothed_nll(logits, target, eps=0.1):
    lprobs = F.log_softmax(logits, dim=-1)
    dist = smoothed_targets(target, logits.shape[-1], eps)
    per_token = -lprobs.mul_(dist).sum(-1)  # L
    return per_token.sum() / (target != PAD).sum()


class TinyDecoder(nn.Module):
    def __init__(self, vocab=11, d=8):
        super().__init__()
        self.emb = nn.Embedding(vocab, d, padding_idx=PAD)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.out = nn.Linear(d, vocab)

    def forward(self, prev_tokens):
        h, _ = self.rnn(self.emb(prev_tokens))
        return self.out(h)


def run():
    torch.manual_seed(0)
    model = TinyDecoder()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        tgt = torch.randint(1, 11, (3, 6))
        tgt[0, 4:] = PAD
        prev = torch.cat([torch.ones(3, 1, dtype=torch.long), tgt[:, :-1]], 1)
        loss = label_smoothed_nll(model(prev), tgt)
        opt.zero_grad()
        loss.backward()
        opt.step()
