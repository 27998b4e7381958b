"""Class-conditional denoiser trained for classifier-free guidance: a random share of the batch gets
the null condition, written by index into the projected condition (a tanh output)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CondDenoiser(nn.Module):
    def __init__(self, dim=6, n_cls=4, width=16, p_uncond=0.3):
        super().__init__()
        self.label_emb = nn.Embedding(n_cls, width)
        self.cond_mlp = nn.Linear(width, width)
        self.t_proj = nn.Linear(1, width)
        self.body = nn.Sequential(nn.Linear(dim + width, width), nn.SiLU(), nn.Linear(width, dim))
        self.p_uncond = p_uncond

    def condition(self, y):
        cond = torch.tanh(self.cond_mlp(self.label_emb(y)))
        if self.training:
            drop = torch.rand(y.shape[0]) < self.p_uncond
            cond[drop] = 0.0  # L
        return cond

    def forward(self, x_t, t, y):
        c = self.condition(y) + self.t_proj(t[:, None])
        return self.body(torch.cat([x_t, c], dim=-1))


def run():
    torch.manual_seed(0)
    model = CondDenoiser()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    alphas_bar = torch.linspace(0.99, 0.05, 10)
    for _ in range(2):
        x0, y = torch.randn(8, 6), torch.randint(0, 4, (8,))
        t = torch.randint(0, 10, (8,))
        a = alphas_bar[t][:, None]
        noise = torch.randn_like(x0)
        x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise
        loss = F.mse_loss(model(x_t, t.float() / 10, y), noise)
        opt.zero_grad()
        loss.backward()
        opt.step()
