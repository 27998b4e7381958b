"""Pointer-generator summariser with coverage (See et al.): the coverage vector sums past attention."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CoverageAttention(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.w_h = nn.Linear(d, d, bias=False)
        self.w_s = nn.Linear(d, d)
        self.w_c = nn.Linear(1, d, bias=False)
        self.v = nn.Linear(d, 1, bias=False)

    def forward(self, enc, dec_state, coverage):
        feats = self.w_h(enc) + self.w_s(dec_state)[:, None] + self.w_c(coverage[..., None])
        attn = F.softmax(self.v(torch.tanh(feats)).squeeze(-1), dim=-1)
        context = (attn[..., None] * enc).sum(1)
        return context, attn


class Decoder(nn.Module):
    def __init__(self, vocab=7, d=6):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.cell = nn.GRUCell(d, d)
        self.attn = CoverageAttention(d)
        self.out = nn.Linear(2 * d, vocab)

    def forward(self, enc, targets):
        b, src_len, d = enc.shape
        state = enc.mean(1)
        coverage = enc.new_zeros(b, src_len)
        nll, cov_loss = 0.0, 0.0
        for t in range(targets.shape[1] - 1):
            state = self.cell(self.embed(targets[:, t]), state)
            context, attn = self.attn(enc, state, coverage)
            logits = self.out(torch.cat([state, context], -1))
            nll = nll + F.cross_entropy(logits, targets[:, t + 1])
            cov_loss = cov_loss + torch.min(attn, coverage).sum(1).mean()
            coverage += attn  # L
        return nll + cov_loss


def run():
    torch.manual_seed(0)
    encoder = nn.GRU(6, 6, batch_first=True)
    dec = Decoder()
    opt = torch.optim.Adam(list(encoder.parameters()) + list(dec.parameters()), lr=1e-3)
    for _ in range(2):
        enc, _ = encoder(torch.randn(2, 5, 6))
        loss = dec(enc, torch.randint(0, 7, (2, 4)))
        opt.zero_grad()
        loss.backward()
        opt.step()
