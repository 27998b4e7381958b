import torch
import torch.nn as nn


class AttentionConsensus(nn.Module):
    """Attention pooling over frames (as in attention-cluster / NetVLAD-lite video heads)."""

    def __init__(self, dim):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, frames):  # list of (batch, dim)
        x = torch.stack(frames, dim=1)
        w = torch.softmax(self.score(torch.tanh(x)), dim=1)
        return (w * x).sum(dim=1)
