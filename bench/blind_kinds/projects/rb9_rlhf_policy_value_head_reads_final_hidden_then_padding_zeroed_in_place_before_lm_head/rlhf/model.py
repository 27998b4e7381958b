import torch.nn as nn

from .utils import zero_padding_


class ValueHead(nn.Module):
    """trl-style value head: dropout, then a scalar projection of the last hidden state."""

    def __init__(self, hidden, dropout=0.0):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.summary = nn.Linear(hidden, 1)

    def forward(self, hidden):
        return self.summary(self.dropout(hidden)).squeeze(-1)


class CausalLMWithValueHead(nn.Module):
    def __init__(self, vocab=11, hidden=8, value_dropout=0.0):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.rnn = nn.GRU(hidden, hidden, batch_first=True)
        self.ln_f = nn.LayerNorm(hidden)
        self.lm_head = nn.Linear(hidden, vocab, bias=False)
        self.v_head = ValueHead(hidden, value_dropout)

    def forward(self, input_ids, attention_mask):
        out, _ = self.rnn(self.embed(input_ids))
        hidden = self.ln_f(out)
        values = self.v_head(hidden)
        zero_padding_(hidden, attention_mask)  # L
        return self.lm_head(hidden), values
