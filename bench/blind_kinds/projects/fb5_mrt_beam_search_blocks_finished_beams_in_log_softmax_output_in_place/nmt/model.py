import torch
import torch.nn as nn
import torch.nn.functional as F


class Seq2Seq(nn.Module):
    def __init__(self, vocab, hidden):
        super().__init__()
        self.emb = nn.Embedding(vocab, hidden)
        self.encoder = nn.GRU(hidden, hidden, batch_first=True)
        self.cell = nn.GRUCell(hidden, hidden)
        self.out = nn.Linear(hidden, vocab)

    def encode(self, src):
        _, h = self.encoder(self.emb(src))
        return h[0]

    def decode_step(self, prev_tokens, state):
        state = self.cell(self.emb(prev_tokens), state)
        return F.log_softmax(self.out(state), dim=-1), state

    def teacher_forced(self, src, tgt, bos):
        state = self.encode(src)
        prev = torch.full_like(tgt[:, 0], bos)
        out = []
        for t in range(tgt.shape[1]):
            lprobs, state = self.decode_step(prev, state)
            out.append(lprobs)
            prev = tgt[:, t]
        return torch.stack(out, 1)
