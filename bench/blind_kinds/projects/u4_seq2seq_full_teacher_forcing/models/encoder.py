import torch.nn as nn


class GRUEncoder(nn.Module):
    def __init__(self, vocab, d_emb, d_hid):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_emb)
        self.rnn = nn.GRU(d_emb, d_hid, batch_first=True)

    def forward(self, src):
        _, h = self.rnn(self.embed(src))
        return h[-1]
