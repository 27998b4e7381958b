import torch
import torch.nn as nn


class _Block(nn.Module):
    def __init__(self, backcast_len, horizon, hidden, n_theta):
        super().__init__()
        self.backcast_len, self.horizon = backcast_len, horizon
        self.fc = nn.Sequential(nn.Linear(backcast_len, hidden), nn.ReLU(),
                                nn.Linear(hidden, hidden), nn.ReLU())
        self.theta = nn.Linear(hidden, n_theta, bias=False)

    def basis(self, theta):
        raise NotImplementedError

    def forward(self, x):
        return self.basis(self.theta(self.fc(x)))


class GenericBlock(_Block):
    def __init__(self, backcast_len, horizon, hidden):
        super().__init__(backcast_len, horizon, hidden, backcast_len + horizon)

    def basis(self, theta):
        return theta[:, :self.backcast_len], theta[:, self.backcast_len:]


class TrendBlock(_Block):
    """Polynomial basis of degree 2 (N-BEATS-I)."""

    def __init__(self, backcast_len, horizon, hidden, degree=2):
        super().__init__(backcast_len, horizon, hidden, 2 * (degree + 1))
        t_b = torch.arange(backcast_len).float() / backcast_len
        t_f = torch.arange(horizon).float() / horizon
        self.register_buffer("back_basis", torch.stack([t_b ** i for i in range(degree + 1)]))
        self.register_buffer("fore_basis", torch.stack([t_f ** i for i in range(degree + 1)]))

    def basis(self, theta):
        tb, tf = theta.chunk(2, dim=-1)
        return tb @ self.back_basis, tf @ self.fore_basis
