import torch

from .samplers import langevin


class CDTrainer:
    """Persistent contrastive divergence: chains continue from where the last step left them."""

    def __init__(self, energy, n_chains=32, dim=2, lr=1e-3, sampler=None):
        self.energy = energy
        self.chains = torch.randn(n_chains, dim)
        self.sampler = dict(sampler or {})
        self.opt = torch.optim.Adam(energy.parameters(), lr=lr, betas=(0.0, 0.999))

    def step(self, real):
        idx = torch.randperm(len(self.chains))[: real.shape[0]]
        fake = langevin(self.energy, self.chains[idx], **self.sampler)  # L
        self.chains[idx] = fake
        e_real, e_fake = self.energy(real), self.energy(fake)
        loss = e_real.mean() - e_fake.mean() + 0.1 * (e_real ** 2 + e_fake ** 2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss
