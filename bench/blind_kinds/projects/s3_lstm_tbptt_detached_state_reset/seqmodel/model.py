import torch.nn as nn

from .state import LSTMState


class StreamClassifier(nn.Module):
    """Classifies each chunk of many parallel streams from the LSTM's last hidden state."""

    def __init__(self, d_in, hidden, n_classes, layers=2):
        super().__init__()
        self.lstm = nn.LSTM(d_in, hidden, num_layers=layers, batch_first=True)
        self.head = nn.Sequential(nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, n_classes))
        self.layers, self.hidden = layers, hidden

    def init_state(self, batch):
        return LSTMState.zeros(self.layers, batch, self.hidden)

    def forward(self, chunk, state):
        _, (h, c) = self.lstm(chunk, state.as_tuple())
        logits = self.head(h[-1])
        return logits, LSTMState(h, c)
