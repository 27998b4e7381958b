"""An ODE-RNN (Rubanova et al. 2019) for irregularly sampled series: the hidden state evolves by
Euler steps of a learned vector field between observations and a GRU cell updates it at each
observation. The learned initial state is copied over the batch with `repeat`, and the first
units are overwritten with a projection of each series' static covariates."""
import torch
import torch.nn as nn
import torch.nn.functional as F

HIDDEN = 8
N_STATIC = 3


class ODERNN(nn.Module):
    def __init__(self, n_cov=2):
        super().__init__()
        self.h0 = nn.Parameter(torch.zeros(1, HIDDEN))
        self.static_proj = nn.Linear(n_cov, N_STATIC)
        self.field = nn.Sequential(nn.Linear(HIDDEN, 16), nn.Tanh(), nn.Linear(16, HIDDEN))
        self.cell = nn.GRUCell(1, HIDDEN)
        self.head = nn.Linear(HIDDEN, 1)

    def initial_state(self, static):
        h = self.h0.repeat(static.shape[0], 1)
        h[:, :N_STATIC] = self.static_proj(static)  # L
        return h

    def forward(self, values, times, observed, static):
        h = self.initial_state(static)
        t_prev = times[0]
        for t in range(values.shape[1]):
            dt = float(times[t] - t_prev)
            if dt > 0:
                h = h + dt * self.field(h)
            t_prev = times[t]
            h_obs = self.cell(values[:, t:t + 1], h)
            h = torch.where(observed[:, t:t + 1], h_obs, h)
        return self.head(h).squeeze(-1)


def run():
    torch.manual_seed(0)
    model = ODERNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    times = torch.tensor([0.0, 0.3, 0.5, 1.1, 1.2])
    for _ in range(2):
        values = torch.randn(6, 5)
        observed = torch.rand(6, 5) < 0.6
        static = torch.randn(6, 2)
        loss = F.mse_loss(model(values, times, observed, static), torch.randn(6))
        opt.zero_grad()
        loss.backward()
        opt.step()
