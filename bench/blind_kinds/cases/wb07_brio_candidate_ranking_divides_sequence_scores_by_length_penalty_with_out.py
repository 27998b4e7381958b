"""BRIO-style candidate ranking for a summariser: each source has several beam-search candidates;
their length-normalised log-likelihoods (sum of token log-probs / length ** alpha) are trained with
a margin ranking loss in the candidates' quality order. The scorer keeps a preallocated score
buffer and writes into it with out= to avoid a per-batch allocation."""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, D = 16, 8


class Scorer(nn.Module):
    def __init__(self, n_cand, max_len, alpha=1.0):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.rnn = nn.GRU(D, D, batch_first=True)
        self.out = nn.Linear(D, VOCAB)
        self.alpha = alpha
        self.register_buffer("buf", torch.zeros(1, n_cand))

    def forward(self, cands, mask):
        b, c, t = cands.shape
        flat = cands.view(b * c, t)
        h, _ = self.rnn(self.embed(flat[:, :-1]))
        lp = F.log_softmax(self.out(h), -1).gather(-1, flat[:, 1:, None]).squeeze(-1)
        seq_lp = (lp * mask.view(b * c, t)[:, 1:]).sum(-1).view(b, c)
        lengths = mask.sum(-1)
        if self.buf.shape[0] != b:
            self.buf = torch.zeros(b, c)
        scores = torch.div(seq_lp, lengths ** self.alpha, out=self.buf)  # L
        return scores


def ranking_loss(scores, margin=0.01):
    # candidates are sorted best first; each better one must outscore each worse one
    loss = scores.new_zeros(())
    n = scores.shape[1]
    for i in range(n):
        for j in range(i + 1, n):
            loss = loss + F.relu(scores[:, j] - scores[:, i] + margin * (j - i)).mean()
    return loss


def run():
    torch.manual_seed(0)
    model = Scorer(n_cand=3, max_len=6)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    cands = torch.randint(0, VOCAB, (2, 3, 6))
    mask = torch.ones(2, 3, 6)
    mask[:, 2, 4:] = 0
    loss = ranking_loss(model(cands, mask))  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
