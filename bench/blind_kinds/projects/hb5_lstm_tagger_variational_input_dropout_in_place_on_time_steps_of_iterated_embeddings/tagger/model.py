import torch
import torch.nn as nn


class CellTagger(nn.Module):
    """A tagger written with an LSTMCell loop (the loop is where per-step tricks get added)."""

    def __init__(self, vocab, d_emb, d_hidden, tags, input_dropout):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_emb)
        self.cell = nn.LSTMCell(d_emb, d_hidden)
        self.tag = nn.Linear(d_hidden, tags)
        self.input_dropout = input_dropout

    def train(self, mode=True):
        self.input_dropout.training = mode
        return super().train(mode)

    def forward(self, tokens):  # tokens: (batch, time)
        emb = self.embed(tokens)
        batch = tokens.shape[0]
        h = c = emb.new_zeros(batch, self.cell.hidden_size)
        if hasattr(self.input_dropout, "mask"):
            self.input_dropout.reset(batch, emb.shape[-1])
        logits = []
        for x_t in emb.transpose(0, 1):
            h, c = self.cell(self.input_dropout(x_t), (h, c))  # L
            logits.append(self.tag(h))
        return torch.stack(logits, dim=1)
