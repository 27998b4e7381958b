import torch
import torch.nn as nn
import torch.nn.functional as F

from .attention import LocationSensitiveAttention
from .state import DecoderState


class Prenet(nn.Module):
    def __init__(self, n_mels, dim, p=0.5):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(n_mels, dim), nn.Linear(dim, dim)])
        self.p = p

    def forward(self, x):
        for layer in self.layers:
            x = F.dropout(F.relu(layer(x)), self.p, training=True)
        return x


class Decoder(nn.Module):
    def __init__(self, n_mels=4, mem_dim=6, rnn_dim=8, prenet_dim=4):
        super().__init__()
        self.n_mels, self.rnn_dim = n_mels, rnn_dim
        self.prenet = Prenet(n_mels, prenet_dim)
        self.attention_rnn = nn.LSTMCell(prenet_dim + mem_dim, rnn_dim)
        self.attention = LocationSensitiveAttention(rnn_dim, mem_dim)
        self.proj = nn.Linear(rnn_dim + mem_dim, n_mels)
        self.gate = nn.Linear(rnn_dim + mem_dim, 1)

    def step(self, frame, memory, processed, state):
        x = torch.cat([self.prenet(frame), state.context], -1)
        h, c = self.attention_rnn(x, (state.attn_h, state.attn_c))
        context, weights = self.attention(h, memory, processed, state.cum_weights)
        state = DecoderState(h, c, context, state.cum_weights).accumulate_(weights)  # L
        out = torch.cat([h, context], -1)
        return self.proj(out), self.gate(out).squeeze(-1), state

    def forward(self, memory, mels):
        """Teacher forcing: the previous ground-truth frame is the next input."""
        processed = self.attention.memory(memory)
        state = DecoderState.initial(memory, self.rnn_dim)
        frames = torch.cat([mels.new_zeros(mels.shape[0], 1, self.n_mels), mels[:, :-1]], 1)
        outs, gates = [], []
        for t in range(mels.shape[1]):
            out, gate, state = self.step(frames[:, t], memory, processed, state)  # L
            outs.append(out)
            gates.append(gate)
        return torch.stack(outs, 1), torch.stack(gates, 1)
