import torch
import torch.nn.functional as F

from .unroll import unrolled


class UnrolledGANTrainer:
    def __init__(self, G, D, cfg):
        self.G, self.D, self.cfg = G, D, cfg
        self.g_opt = torch.optim.Adam(G.parameters(), lr=cfg["lr"], betas=(0.5, 0.999))
        self.d_opt = torch.optim.Adam(D.parameters(), lr=cfg["lr"], betas=(0.5, 0.999))

    def noise(self, n):
        return torch.randn(n, self.cfg["z_dim"])

    def d_update(self, real, fake):
        ones, zeros = torch.ones(len(real), 1), torch.zeros(len(fake), 1)
        loss = (F.binary_cross_entropy_with_logits(self.D(real), ones)
                + F.binary_cross_entropy_with_logits(self.D(fake), zeros))
        self.d_opt.zero_grad()
        loss.backward()
        self.d_opt.step()
        return loss.item()

    def g_step(self, real_batches):
        fakes = [self.G(self.noise(len(r))).detach() for r in real_batches]
        with unrolled(self.D, self.d_opt, self.d_update, zip(real_batches, fakes)):  # L
            fake = self.G(self.noise(self.cfg["batch"]))
            g_loss = F.binary_cross_entropy_with_logits(self.D(fake), torch.ones(len(fake), 1))
        self.g_opt.zero_grad()
        g_loss.backward()
        self.g_opt.step()
        return g_loss.item()

    def train_step(self, real_batches):
        d_loss = self.d_update(real_batches[0], self.G(self.noise(len(real_batches[0]))).detach())
        g_loss = self.g_step(real_batches[1:])  # L
        return d_loss, g_loss
