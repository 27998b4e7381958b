"""Latent diffusion trained jointly with its autoencoder's encoder; the latent scale factor is a
Parameter (so it is saved in the checkpoint and can be fine-tuned), recalibrated to 1/std of the
current latents through .data after the loss is formed."""
import torch
import torch.nn as nn


class LatentScaler(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.tensor(1.0))

    def forward(self, z):
        return z * self.scale

    def recalibrate(self, z):
        self.scale.data.fill_(1.0 / z.detach().std().item())  # L


def make():
    torch.manual_seed(0)
    enc = nn.Linear(8, 4)
    scaler = LatentScaler()
    den = nn.Sequential(nn.Linear(4, 16), nn.SiLU(), nn.Linear(16, 4))
    return enc, scaler, den


def step(enc, scaler, den, x, noise, recal_before_backward):
    z = enc(x)
    zs = scaler(z)
    loss = ((den(zs + 0.5 * noise) - noise) ** 2).mean()
    if recal_before_backward:
        scaler.recalibrate(z)
    loss.backward()
    return [p.grad.clone() for p in list(enc.parameters()) + [scaler.scale]]


def run():
    enc, scaler, den = make()
    params = list(enc.parameters()) + list(scaler.parameters()) + list(den.parameters())
    opt = torch.optim.SGD(params, lr=1e-2)
    for _ in range(2):
        x, noise = torch.randn(6, 8), torch.randn(6, 4)
        opt.zero_grad()
        step(enc, scaler, den, x, noise, True)
        opt.step()


def silent_hazard():
    x, noise = torch.randn(6, 8), torch.randn(6, 4)
    a = step(*make(), x, noise, True)
    b = step(*make(), x, noise, False)
    return any(not torch.allclose(u, v) for u, v in zip(a, b))
