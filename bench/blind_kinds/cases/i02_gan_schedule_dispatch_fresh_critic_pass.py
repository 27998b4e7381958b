import torch
import torch.nn as nn
import torch.nn.functional as F

SCHEDULE = ("critic", "generator")


class PairTrainer:
    """Runs the steps named in a schedule by name; each step makes its own critic pass."""

    def __init__(self, latent=4, data=3, lr=2e-3, **kwargs):
        self.G = nn.Sequential(nn.Linear(latent, 16), nn.LeakyReLU(0.2), nn.Linear(16, data))
        self.D = nn.Sequential(nn.Linear(data, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
        betas = kwargs.get("betas", (0.5, 0.999))
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=lr, betas=betas)
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=lr, betas=betas)
        self.latent = latent

    def critic_step(self, real, fake):
        d_real, d_fake = self.D(real), self.D(fake.detach())
        loss = F.softplus(-d_real).mean() + F.softplus(d_fake).mean()
        self.opt_d.zero_grad()
        loss.backward()
        self.opt_d.step()  # L
        return loss.item()

    def generator_step(self, real, fake):
        loss = F.softplus(-self.D(fake)).mean()
        self.opt_g.zero_grad()
        loss.backward()
        self.opt_g.step()
        return loss.item()

    def train_step(self, real):
        z = torch.randn(real.shape[0], self.latent)
        fake = self.G(z)  # one generator pass shared by both steps
        return {name: getattr(self, f"{name}_step")(real, fake) for name in SCHEDULE}


def run():
    torch.manual_seed(0)
    trainer = PairTrainer(betas=(0.0, 0.9))
    for _ in range(3):
        trainer.train_step(torch.randn(8, 3) * 0.5 + 1.0)
