"""A hand-written spectral normalisation for a GAN critic's linear layers: one power-iteration
step per forward writes the singular-vector estimates straight into their buffers with out=,
from the detached weight."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SNLinear(nn.Linear):
    def __init__(self, d_in, d_out, eps=1e-12):
        super().__init__(d_in, d_out)
        self.eps = eps
        self.register_buffer("u", F.normalize(torch.randn(d_out), dim=0))
        self.register_buffer("v", F.normalize(torch.randn(d_in), dim=0))

    def power_iteration(self, w):
        torch.mv(w.t(), self.u, out=self.v)  # L
        self.v.div_(self.v.norm() + self.eps)
        torch.mv(w, self.v, out=self.u)  # L
        self.u.div_(self.u.norm() + self.eps)

    def forward(self, x):
        w = self.weight
        if self.training:
            self.power_iteration(w.detach())  # L
        sigma = torch.dot(self.u, torch.mv(w, self.v))
        return F.linear(x, w / sigma, self.bias)


def run():
    torch.manual_seed(0)
    critic = nn.Sequential(SNLinear(4, 8), nn.LeakyReLU(0.2), SNLinear(8, 1))
    gen = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 4))
    d_opt = torch.optim.Adam(critic.parameters(), lr=2e-4, betas=(0.0, 0.9))
    for _ in range(2):
        real = torch.randn(6, 4)
        with torch.no_grad():
            fake = gen(torch.randn(6, 3))
        d_real, d_fake = critic(torch.cat([real, fake])).chunk(2)
        d_loss = F.relu(1 - d_real).mean() + F.relu(1 + d_fake).mean()
        d_opt.zero_grad()
        d_loss.backward()
        d_opt.step()
