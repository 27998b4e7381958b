"""A non-saturating GAN with lazy R1 regularisation (StyleGAN2: the penalty every few steps,
scaled up by the interval). To save a forward pass the penalty is taken from the main step's
`d_real` (the real batch had `requires_grad_` set on the regularisation steps): the main loss is
backpropagated with `retain_graph=True`, the R1 gradient taken through the retained graph and
backpropagated into the same gradients, and the discriminator stepped once after both."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(d_in, d_out, act):
    return nn.Sequential(nn.Linear(d_in, 16), nn.LeakyReLU(0.2), nn.Linear(16, d_out), *act)


def r1_penalty(d_real, real, gamma):
    (grad,) = torch.autograd.grad(d_real.sum(), real, create_graph=True)
    return grad.pow(2).sum(1).mean() * (gamma / 2)


def d_step(G, D, d_opt, real, step, r1_every=2, r1_gamma=10.0):
    regularise = step % r1_every == 0
    real.requires_grad_(regularise)
    d_real = D(real)
    d_fake = D(G(torch.randn(real.shape[0], 3)).detach())
    d_loss = F.softplus(-d_real).mean() + F.softplus(d_fake).mean()
    d_opt.zero_grad()
    d_loss.backward(retain_graph=regularise)
    if regularise:
        r1 = r1_penalty(d_real, real, r1_gamma * r1_every)  # L
        r1.backward()
    d_opt.step()  # L


def g_step(G, D, g_opt, batch):
    loss = F.softplus(-D(G(torch.randn(batch, 3)))).mean()
    g_opt.zero_grad()
    loss.backward()
    g_opt.step()


def run():
    torch.manual_seed(0)
    G, D = mlp(3, 4, [nn.Tanh()]), mlp(4, 1, [])
    g_opt = torch.optim.Adam(G.parameters(), lr=2e-3, betas=(0.0, 0.99))
    d_opt = torch.optim.Adam(D.parameters(), lr=2e-3, betas=(0.0, 0.99))
    for step in range(3):
        real = torch.rand(6, 4) * 2 - 1
        d_step(G, D, d_opt, real, step)
        g_step(G, D, g_opt, 6)
