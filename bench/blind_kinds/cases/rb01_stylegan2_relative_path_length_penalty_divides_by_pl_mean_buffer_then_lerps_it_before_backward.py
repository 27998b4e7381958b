"""StyleGAN2-style path length regularisation in a relative form: the batch's path lengths are
divided by the running mean length (a buffer), and the buffer is advanced with lerp_ inside the
penalty module, before the generator's backward."""
import math

import torch
import torch.nn as nn


class PathLengthPenalty(nn.Module):
    def __init__(self, decay=0.01):
        super().__init__()
        self.decay = decay
        self.register_buffer("pl_mean", torch.ones(()))

    def forward(self, w, images):
        noise = torch.randn_like(images) / math.sqrt(images.shape[1])
        (grad,) = torch.autograd.grad((images * noise).sum(), w, create_graph=True)
        lengths = grad.square().sum(-1).sqrt()
        penalty = (lengths / self.pl_mean - 1.0).square().mean()
        self.pl_mean.lerp_(lengths.mean().detach(), self.decay)  # L
        return penalty


class Generator(nn.Module):
    def __init__(self, z_dim=4, w_dim=6, out=8):
        super().__init__()
        self.mapping = nn.Sequential(nn.Linear(z_dim, w_dim), nn.LeakyReLU(0.2), nn.Linear(w_dim, w_dim))
        self.synthesis = nn.Sequential(nn.Linear(w_dim, 10), nn.LeakyReLU(0.2), nn.Linear(10, out), nn.Tanh())

    def forward(self, z):
        w = self.mapping(z)
        return w, self.synthesis(w)


def run():
    torch.manual_seed(0)
    gen, disc = Generator(), nn.Sequential(nn.Linear(8, 6), nn.LeakyReLU(0.2), nn.Linear(6, 1))
    pl = PathLengthPenalty()
    opt = torch.optim.Adam(gen.parameters(), lr=1e-3, betas=(0.0, 0.99))
    for _ in range(2):
        w, fake = gen(torch.randn(5, 4))
        loss = nn.functional.softplus(-disc(fake)).mean() + 2.0 * pl(w, fake)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
