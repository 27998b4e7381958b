"""An autoregressive GRU forecaster (DeepAR-style, point forecasts): the encoder reads the context
window, the decoder predicts a delta per step and feeds the new level back in. The levels are
written into a preallocated horizon tensor by slice assignment, and the fresh sum is the next
step's input."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Forecaster(nn.Module):
    def __init__(self, hidden=12):
        super().__init__()
        self.encoder = nn.GRU(1, hidden, batch_first=True)
        self.cell = nn.GRUCell(1, hidden)
        self.delta = nn.Linear(hidden, 1)

    def forward(self, context, horizon_len):
        _, h = self.encoder(context[..., None])
        h = h[0]
        last = context[:, -1:]
        horizon = context.new_empty(context.shape[0], horizon_len)
        for t in range(horizon_len):
            h = self.cell(last, h)
            last = last + self.delta(h)
            horizon[:, t:t + 1] = last  # L
        return horizon


def batch(n=4, context_len=10, horizon_len=3):
    t = torch.arange(context_len + horizon_len).float()
    phase = torch.rand(n, 1) * 6.0
    series = torch.sin(0.5 * t + phase) + 0.05 * torch.randn(n, t.numel())
    return series[:, :context_len], series[:, context_len:]


def run():
    torch.manual_seed(0)
    model = Forecaster()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        context, target = batch()
        loss = F.mse_loss(model(context, target.shape[1]), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
