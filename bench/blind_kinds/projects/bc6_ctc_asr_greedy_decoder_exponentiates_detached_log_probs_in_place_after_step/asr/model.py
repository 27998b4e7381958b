import torch.nn as nn
import torch.nn.functional as F


class ConvGRUEncoder(nn.Module):
    """DeepSpeech2-like: a strided conv front end over log-mels, a GRU, a linear CTC head."""

    def __init__(self, n_mels=8, hidden=12, vocab=6):
        super().__init__()
        self.subsample = nn.Sequential(nn.Conv1d(n_mels, hidden, 3, stride=2, padding=1), nn.Hardtanh(0, 20))
        self.rnn = nn.GRU(hidden, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocab)

    def output_lengths(self, lengths):
        return (lengths + 1) // 2

    def forward(self, feats):  # (batch, n_mels, frames)
        x = self.subsample(feats).transpose(1, 2)
        x, _ = self.rnn(x)
        return F.log_softmax(self.head(x), dim=-1).transpose(0, 1)  # (time, batch, vocab) for ctc_loss
