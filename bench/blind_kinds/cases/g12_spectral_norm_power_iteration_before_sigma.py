import torch
import torch.nn as nn
import torch.nn.functional as F


class SNLinear(nn.Module):
    """Linear layer divided by a power-iteration estimate of its top singular value."""

    def __init__(self, d_in, d_out, n_power_iterations=1, eps=1e-12):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(d_out, d_in) / d_in ** 0.5)
        self.bias = nn.Parameter(torch.zeros(d_out))
        self.register_buffer("u", F.normalize(torch.randn(d_out), dim=0))
        self.register_buffer("v", F.normalize(torch.randn(d_in), dim=0))
        self.n_power_iterations = n_power_iterations
        self.eps = eps

    @torch.no_grad()
    def _power_iteration(self):
        w = self.weight
        for _ in range(self.n_power_iterations):
            self.v.copy_(F.normalize(w.t() @ self.u, dim=0, eps=self.eps))  # L
            self.u.copy_(F.normalize(w @ self.v, dim=0, eps=self.eps))  # L

    def forward(self, x):
        if self.training:
            # refine the estimate before using it (u and v are saved by the dot below)
            self._power_iteration()
        sigma = torch.dot(self.u.clone(), self.weight @ self.v.clone())
        return F.linear(x, self.weight / sigma, self.bias)


class Critic(nn.Module):
    def __init__(self, d_in=6, hidden=16):
        super().__init__()
        self.l1 = SNLinear(d_in, hidden)
        self.l2 = SNLinear(hidden, 1)

    def forward(self, x):
        return self.l2(F.leaky_relu(self.l1(x), 0.2))


def run():
    torch.manual_seed(0)
    critic = Critic()
    opt = torch.optim.Adam(critic.parameters(), lr=2e-4, betas=(0.0, 0.9))
    real, fake = torch.randn(8, 6), torch.randn(8, 6)
    loss = critic(fake).mean() - critic(real).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
