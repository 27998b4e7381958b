"""A hand-written Elman RNN for one-step-ahead forecasting of a univariate series. For speed the input
projection of every time step is computed at once, unbound into steps, and the recurrent term is added
into each step in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ElmanForecaster(nn.Module):
    def __init__(self, n_features=3, hidden=8):
        super().__init__()
        self.w_ih = nn.Linear(n_features, hidden)
        self.w_hh = nn.Linear(hidden, hidden, bias=False)
        self.head = nn.Linear(hidden, 1)
        self.hidden = hidden

    def forward(self, x):
        steps = self.w_ih(x).unbind(1)
        h = x.new_zeros(x.shape[0], self.hidden)
        for pre in steps:
            pre += self.w_hh(h)  # L
            h = torch.tanh(pre)
        return self.head(h).squeeze(-1)


def make_windows(series, lags):
    windows = series.unfold(0, lags + 1, 1)
    return windows[..., :-1], windows[:, 0, -1]  # (windows, features, lags)


def run():
    torch.manual_seed(0)
    t = torch.arange(40.0)
    series = torch.stack([torch.sin(t / 3), torch.cos(t / 5), t / 40], dim=1)
    x, y = make_windows(series, lags=6)
    x = x.transpose(1, 2)  # (windows, lags, features)
    model = ElmanForecaster()
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    for start in range(0, 24, 12):
        loss = F.l1_loss(model(x[start:start + 12]), y[start:start + 12])
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_value_(model.parameters(), 1.0)
        opt.step()
