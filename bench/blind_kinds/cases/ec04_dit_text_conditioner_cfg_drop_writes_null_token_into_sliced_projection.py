"""A small DiT-style denoiser trained for classifier-free guidance.  The conditioner projects a
frozen caption vector to a pooled token and a context token with one Linear, taken as the
slices `[..., :d]` and `[..., d:]`; condition dropout then writes the learned null token into the dropped rows of the pooled token in
place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Conditioner(nn.Module):
    def __init__(self, d_text, d):
        super().__init__()
        self.proj = nn.Linear(d_text, 2 * d)
        self.null_pooled = nn.Parameter(torch.zeros(d))

    def forward(self, text, p_uncond=0.5):
        both = self.proj(text)
        d = both.shape[-1] // 2
        pooled, context = both[..., :d], both[..., d:]
        if self.training:
            drop = torch.rand(text.shape[0]) < p_uncond
            pooled[drop] = self.null_pooled  # L
        return pooled, context


class TinyDiT(nn.Module):
    def __init__(self, d_in=16, d=32, d_text=12):
        super().__init__()
        self.cond = Conditioner(d_text, d)
        self.inp = nn.Linear(d_in, d)
        self.t_mlp = nn.Sequential(nn.Linear(1, d), nn.SiLU(), nn.Linear(d, d))
        self.ada = nn.Linear(d, 2 * d)
        self.attn = nn.MultiheadAttention(d, 4, batch_first=True)
        self.out = nn.Linear(d, d_in)

    def forward(self, x, t, text):
        pooled, context = self.cond(text)
        c = self.t_mlp(t[:, None]) + pooled
        scale, shift = self.ada(F.silu(c)).chunk(2, dim=-1)
        h = self.inp(x) * (1 + scale[:, None]) + shift[:, None]
        h = h + self.attn(h, context[:, None], context[:, None])[0]
        return self.out(h)


def run():
    torch.manual_seed(0)
    model = TinyDiT()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    alpha_bar = torch.cumprod(1 - torch.linspace(1e-4, 0.02, 100), 0)
    for _ in range(2):
        x0, text = torch.randn(6, 5, 16), torch.randn(6, 12)
        t = torch.randint(0, 100, (6,))
        a = alpha_bar[t].view(-1, 1, 1)
        eps = torch.randn_like(x0)
        x_t = a.sqrt() * x0 + (1 - a).sqrt() * eps
        loss = F.mse_loss(model(x_t, t.float() / 100, text), eps)
        opt.zero_grad()
        loss.backward()
        opt.step()
