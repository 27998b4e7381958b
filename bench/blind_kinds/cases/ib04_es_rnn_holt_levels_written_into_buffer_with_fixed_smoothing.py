"""ES-RNN flavoured hybrid forecaster (Smyl 2020): a per-series exponential smoothing level,
l_t = alpha * y_t + (1 - alpha) * l_{t-1}, deseasonalises the input windows of a small RNN. The
smoothing coefficient is a fixed hyperparameter (only the initial levels are learned) and the
level path is kept in a preallocated [series, time] tensor filled column by column."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ExpSmoothing(nn.Module):
    def __init__(self, n_series, learn_alpha=True, alpha=0.3):
        super().__init__()
        logit = torch.full((n_series,), float(torch.logit(torch.tensor(alpha))))
        self.alpha_logit = nn.Parameter(logit) if learn_alpha else None
        self.fixed_alpha = alpha
        self.init_level = nn.Parameter(torch.ones(n_series))

    @property
    def alpha(self):
        if self.alpha_logit is None:
            return self.fixed_alpha
        return torch.sigmoid(self.alpha_logit)

    def forward(self, y):
        n, T = y.shape
        alpha = self.alpha
        levels = y.new_zeros(n, T)
        levels[:, 0] = self.init_level  # L
        for t in range(1, T):
            levels[:, t] = alpha * y[:, t] + (1 - alpha) * levels[:, t - 1]  # L
        return levels


class HybridForecaster(nn.Module):
    def __init__(self, n_series, window=6, horizon=2, hidden=12, learn_alpha=True):
        super().__init__()
        self.window, self.horizon = window, horizon
        self.smoother = ExpSmoothing(n_series, learn_alpha=learn_alpha)
        self.rnn = nn.GRU(1, hidden, batch_first=True)
        self.head = nn.Linear(hidden, horizon)

    def forward(self, y):
        levels = self.smoother(y)
        last = levels[:, -1:]
        x = torch.log(y[:, -self.window:] / last)
        out, _ = self.rnn(x.unsqueeze(-1))
        return torch.exp(self.head(out[:, -1])) * last


def make_series(n=5, T=14):
    t = torch.arange(T, dtype=torch.float32)
    return 10 + torch.rand(n, 1) * 5 + 0.3 * t + torch.rand(n, T)


def run():
    torch.manual_seed(0)
    series = make_series(T=16)
    model = HybridForecaster(series.shape[0], learn_alpha=False)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        history, target = series[:, :-2], series[:, -2:]
        loss = F.l1_loss(model(history), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
