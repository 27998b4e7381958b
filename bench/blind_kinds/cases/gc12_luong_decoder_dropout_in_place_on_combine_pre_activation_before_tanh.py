"""A Luong-style attentional LSTM decoder with input feeding: the attentional state
h~ = tanh(W_c [ctx; h]) feeds the output layer and the next step's input. Dropout is applied by hand,
in place, with one mask per sequence (variational dropout), to W_c [ctx; h] before the tanh."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AttnDecoder(nn.Module):
    def __init__(self, vocab=10, d=8, p=0.3):
        super().__init__()
        self.d, self.p = d, p
        self.emb = nn.Embedding(vocab, d)
        self.cell = nn.LSTMCell(2 * d, d)
        self.combine = nn.Linear(2 * d, d)
        self.out = nn.Linear(d, vocab)

    def attentional(self, h, mem, keep):
        ctx = (F.softmax(torch.einsum("bd,bsd->bs", h, mem), -1).unsqueeze(-1) * mem).sum(1)
        pre = self.combine(torch.cat([ctx, h], -1))
        pre.mul_(keep)  # L
        return torch.tanh(pre)

    def forward(self, mem, tgt_in):
        B = tgt_in.size(0)
        h = c = h_tilde = mem.new_zeros(B, self.d)
        keep = torch.bernoulli(torch.full((B, self.d), 1 - self.p)) / (1 - self.p)
        logits = []
        for t in range(tgt_in.size(1)):
            h, c = self.cell(torch.cat([self.emb(tgt_in[:, t]), h_tilde], -1), (h, c))
            h_tilde = self.attentional(h, mem, keep)  # L
            logits.append(self.out(h_tilde))
        return torch.stack(logits, 1)


def run():
    torch.manual_seed(0)
    enc = nn.GRU(5, 8, batch_first=True)
    dec = AttnDecoder()
    opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), lr=1e-3)
    src, tgt = torch.randn(3, 6, 5), torch.randint(0, 10, (3, 5))
    for _ in range(2):
        mem, _ = enc(src)
        logits = dec(mem, tgt[:, :-1])
        loss = F.cross_entropy(logits.flatten(0, 1), tgt[:, 1:].flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()
