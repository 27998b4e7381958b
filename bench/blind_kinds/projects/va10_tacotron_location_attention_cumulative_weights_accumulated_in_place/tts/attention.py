import torch
import torch.nn as nn
import torch.nn.functional as F


class LocationSensitiveAttention(nn.Module):
    """Chorowski et al. / Tacotron 2: the energies also see a convolution of the cumulative weights."""

    def __init__(self, rnn_dim, mem_dim, attn_dim=6, n_filters=4, kernel=3):
        super().__init__()
        self.query = nn.Linear(rnn_dim, attn_dim, bias=False)
        self.memory = nn.Linear(mem_dim, attn_dim, bias=False)
        self.location_conv = nn.Conv1d(1, n_filters, kernel, padding=kernel // 2, bias=False)
        self.location_dense = nn.Linear(n_filters, attn_dim, bias=False)
        self.v = nn.Linear(attn_dim, 1, bias=False)

    def forward(self, query, memory, processed_memory, cum_weights):
        loc = self.location_conv(cum_weights.unsqueeze(1)).transpose(1, 2)
        energies = self.v(torch.tanh(self.query(query).unsqueeze(1) + self.location_dense(loc) + processed_memory))
        weights = F.softmax(energies.squeeze(-1), dim=1)
        context = torch.bmm(weights.unsqueeze(1), memory).squeeze(1)
        return context, weights
