"""Parallel scheduled sampling (Duckworth et al. 2019) for a GRU seq2seq decoder: a teacher-forced
pass without grad gives predictions; some decoder input steps are then replaced by the embedding of
the previous prediction, written into the decoder inputs by indexing the time step, and the decoder runs
again with grad."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Seq2Seq(nn.Module):
    def __init__(self, vocab=12, d=8):
        super().__init__()
        self.src_emb = nn.Embedding(vocab, d)
        self.tgt_emb = nn.Embedding(vocab, d)
        self.enc = nn.GRU(d, d, batch_first=True)
        self.dec = nn.GRU(d, d, batch_first=True)
        self.out = nn.Linear(d, vocab)

    def decode(self, dec_in, h):
        y, _ = self.dec(dec_in, h)
        return self.out(y)

    def forward(self, src, tgt_in, p_sample=0.5):
        _, h = self.enc(self.src_emb(src))
        dec_in = self.tgt_emb(tgt_in)
        with torch.no_grad():
            preds = self.decode(dec_in, h).argmax(-1)
        coins = torch.rand(tgt_in.size(1)) < p_sample
        for t in range(1, tgt_in.size(1)):
            if coins[t]:
                dec_in[:, t].copy_(self.tgt_emb(preds[:, t - 1]))  # L
        return self.decode(dec_in, h)


def run():
    torch.manual_seed(0)
    model = Seq2Seq()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    src, tgt = torch.randint(0, 12, (3, 6)), torch.randint(0, 12, (3, 6))
    for _ in range(2):
        logits = model(src, tgt[:, :-1])
        loss = F.cross_entropy(logits.flatten(0, 1), tgt[:, 1:].flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()
