"""A beta-VAE with linear KL annealing.  beta lives on the model as a frozen `nn.Parameter` so it is
saved in checkpoints; the annealer writes the next value through `.data`.  The training step calls
the annealer right after computing the loss (next to the logging), before `backward()`."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class VAE(nn.Module):
    def __init__(self, d=12, z=3):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(d, 16), nn.SiLU(), nn.Linear(16, 2 * z))
        self.dec = nn.Sequential(nn.Linear(z, 16), nn.SiLU(), nn.Linear(16, d))
        self.beta = nn.Parameter(torch.tensor(0.1), requires_grad=False)

    def loss(self, x):
        mu, logvar = self.enc(x).chunk(2, dim=-1)
        zs = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
        rec = F.mse_loss(self.dec(zs), x, reduction="sum") / x.shape[0]
        kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(-1).mean()
        return rec + self.beta * kl


class LinearKLAnnealer:
    def __init__(self, model, start=0.1, end=1.0, steps=4):
        self.model, self.start, self.end, self.steps, self.t = model, start, end, steps, 0

    def step(self):
        self.t += 1
        frac = min(self.t / self.steps, 1.0)
        self.model.beta.data.fill_(self.start + frac * (self.end - self.start))  # L


def train_step(model, annealer, opt, x):
    loss = model.loss(x)
    annealer.step()  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss


def run():
    torch.manual_seed(0)
    model = VAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    annealer = LinearKLAnnealer(model)
    for _ in range(2):
        train_step(model, annealer, opt, torch.randn(8, 12))


def encoder_grad(annealed):
    torch.manual_seed(1)
    model = VAE()
    opt = torch.optim.SGD(model.parameters(), lr=0.0)
    x = torch.randn(8, 12)
    torch.manual_seed(2)
    train_step(model, LinearKLAnnealer(model) if annealed else type("Frozen", (), {"step": lambda self: None})(),
               opt, x)
    return model.enc[0].weight.grad.clone()


def silent_hazard():
    # the loss was built with beta = 0.1; the gradient should be that loss's gradient
    return not torch.allclose(encoder_grad(True), encoder_grad(False), atol=1e-6)
