"""Attention decoder with coverage (See et al., 2017): the coverage vector feeds the attention and the loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CoverageAttention(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.W_h = nn.Linear(hidden, hidden, bias=False)
        self.W_s = nn.Linear(hidden, hidden)
        self.w_c = nn.Linear(1, hidden, bias=False)
        self.v = nn.Linear(hidden, 1, bias=False)

    def forward(self, enc, dec_state, coverage):
        feats = self.W_h(enc) + self.W_s(dec_state).unsqueeze(1) + self.w_c(coverage.unsqueeze(-1))
        attn = F.softmax(self.v(torch.tanh(feats)).squeeze(-1), dim=-1)
        context = torch.bmm(attn.unsqueeze(1), enc).squeeze(1)
        return context, attn


class Decoder(nn.Module):
    def __init__(self, vocab=7, hidden=6):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.cell = nn.GRUCell(2 * hidden, hidden)
        self.attn = CoverageAttention(hidden)
        self.out = nn.Linear(2 * hidden, vocab)

    def forward(self, enc, targets):
        B, S, H = enc.shape
        state = enc.mean(1)
        context = torch.zeros(B, H)
        coverage = torch.zeros(B, S)
        logits, cov_loss = [], 0.0
        for t in range(targets.shape[1] - 1):
            # teacher forcing: the gold token is the next input
            state = self.cell(torch.cat([self.embed(targets[:, t]), context], -1), state)
            context, attn = self.attn(enc, state, coverage)
            cov_loss = cov_loss + torch.minimum(attn, coverage).sum(1).mean()
            coverage += attn  # L
            logits.append(self.out(torch.cat([state, context], -1)))
        return torch.stack(logits, 1), cov_loss


def run():
    torch.manual_seed(0)
    encoder = nn.GRU(6, 6, batch_first=True)
    decoder = Decoder()
    opt = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=1e-3)
    for _ in range(2):
        src, tgt = torch.randn(2, 5, 6), torch.randint(0, 7, (2, 4))
        enc, _ = encoder(src)
        logits, cov_loss = decoder(enc, tgt)
        loss = F.cross_entropy(logits.reshape(-1, 7), tgt[:, 1:].reshape(-1)) + cov_loss
        opt.zero_grad()
        loss.backward()
        opt.step()
