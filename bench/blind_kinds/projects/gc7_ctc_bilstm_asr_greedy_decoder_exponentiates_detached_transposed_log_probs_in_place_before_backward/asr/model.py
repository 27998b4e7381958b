import torch.nn as nn
import torch.nn.functional as F


class BiLSTMCTC(nn.Module):
    """Returns (T, B, C) log-probabilities, the layout F.ctc_loss wants."""

    def __init__(self, n_feats=6, hidden=8, n_tokens=6):
        super().__init__()
        self.rnn = nn.LSTM(n_feats, hidden, num_layers=2, bidirectional=True)
        self.proj = nn.Linear(2 * hidden, n_tokens)

    def forward(self, feats):
        y, _ = self.rnn(feats)
        return F.log_softmax(self.proj(y), dim=-1)
