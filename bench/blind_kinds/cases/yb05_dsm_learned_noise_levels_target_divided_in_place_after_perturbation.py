"""Denoising score matching over a set of noise levels (NCSN-style), the noise levels themselves
learned (log-parameterised, as in learned-schedule diffusion variants).  The regression target
-noise / sigma is formed by dividing the drawn noise in place."""
import torch
import torch.nn as nn


class NoiseLevels(nn.Module):
    def __init__(self, n_levels=4, sigma_min=0.05, sigma_max=1.0, learned=True):
        super().__init__()
        log_sigmas = torch.linspace(torch.log(torch.tensor(sigma_max)), torch.log(torch.tensor(sigma_min)), n_levels)
        if learned:
            self.log_sigmas = nn.Parameter(log_sigmas)
        else:
            self.register_buffer("log_sigmas", log_sigmas)

    def forward(self, idx):
        return self.log_sigmas[idx].exp()


class ScoreNet(nn.Module):
    def __init__(self, dim=2, hidden=32, n_levels=4):
        super().__init__()
        self.embed = nn.Embedding(n_levels, hidden)
        self.inp = nn.Linear(dim, hidden)
        self.out = nn.Sequential(nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, dim))

    def forward(self, x, idx, sigma):
        return self.out(self.inp(x) + self.embed(idx)) / sigma


def dsm_loss(score_net, levels, x):
    idx = torch.randint(0, levels.log_sigmas.numel(), (x.shape[0],))
    sigma = levels(idx)[:, None]
    noise = torch.randn_like(x)
    x_tilde = x + sigma * noise
    target = noise.div_(-sigma)  # L
    score = score_net(x_tilde, idx, sigma)
    return 0.5 * ((score - target) ** 2 * sigma**2).sum(1).mean()


def run(learned=True):
    torch.manual_seed(0)
    score_net, levels = ScoreNet(), NoiseLevels(learned=learned)
    opt = torch.optim.Adam(list(score_net.parameters()) + list(levels.parameters()), lr=1e-3)
    for _ in range(2):
        x = torch.randn(16, 2) * torch.tensor([1.0, 0.3])
        loss = dsm_loss(score_net, levels, x)
        opt.zero_grad()
        loss.backward()
        opt.step()
