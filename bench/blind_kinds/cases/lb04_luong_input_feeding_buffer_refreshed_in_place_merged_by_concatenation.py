"""An attentional GRU seq2seq model trained with teacher forcing, with Luong-style input feeding:
the attentional vector of step t is fed to step t+1. The decoder keeps one feed buffer per batch,
refreshes it in place (`feed.copy_(attn_h)`, "no new tensor per step"), and merges it into the
next input by concatenation with the word embedding, as in Luong et al."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class GeneralAttention(nn.Module):
    def __init__(self, d_hid):
        super().__init__()
        self.combine = nn.Linear(2 * d_hid, d_hid)

    def forward(self, h, enc):
        scores = torch.bmm(enc, h.unsqueeze(2)).squeeze(2)
        context = torch.bmm(scores.softmax(-1).unsqueeze(1), enc).squeeze(1)
        return torch.tanh(self.combine(torch.cat([context, h], dim=-1)))


class Encoder(nn.Module):
    def __init__(self, vocab, d_emb, d_hid):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_emb)
        self.rnn = nn.GRU(d_emb, d_hid, batch_first=True)

    def forward(self, src):
        enc, h_n = self.rnn(self.embed(src))
        return enc, h_n[-1]


class InputFeedDecoder(nn.Module):
    def __init__(self, vocab, d_emb, d_hid):
        super().__init__()
        self.d_hid = d_hid
        self.embed = nn.Embedding(vocab, d_emb)
        self.cell = nn.GRUCell(d_emb + d_hid, d_hid)
        self.attn = GeneralAttention(d_hid)
        self.out = nn.Linear(d_hid, vocab)

    def merge(self, emb, feed):
        return torch.cat([emb, feed], dim=-1)

    def forward(self, enc, h, tgt_in):
        feed = enc.new_zeros(tgt_in.shape[0], self.d_hid)
        logits = []
        for t in range(tgt_in.shape[1]):
            h = self.cell(self.merge(self.embed(tgt_in[:, t]), feed), h)
            attn_h = self.attn(h, enc)
            logits.append(self.out(attn_h))
            feed.copy_(attn_h)  # L
        return torch.stack(logits, dim=1)


def run():
    torch.manual_seed(0)
    vocab, bos = 12, 1
    enc_net, dec_net = Encoder(vocab, 6, 8), InputFeedDecoder(vocab, 6, 8)
    opt = torch.optim.Adam([*enc_net.parameters(), *dec_net.parameters()], lr=1e-2)
    for _ in range(2):
        src, tgt = torch.randint(2, vocab, (3, 5)), torch.randint(2, vocab, (3, 4))
        tgt_in = torch.cat([torch.full((3, 1), bos), tgt[:, :-1]], dim=1)
        enc, h = enc_net(src)
        logits = dec_net(enc, h, tgt_in)
        loss = F.cross_entropy(logits.reshape(-1, vocab), tgt.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
