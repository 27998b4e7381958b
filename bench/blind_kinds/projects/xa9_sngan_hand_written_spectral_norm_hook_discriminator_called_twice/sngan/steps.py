import torch
import torch.nn.functional as F


def d_step(disc, gen, real, opt, z_dim=5):
    with torch.no_grad():
        fake = gen(torch.randn(real.shape[0], z_dim))
    d_real = disc(real)
    d_fake = disc(fake)  # L
    loss = F.relu(1.0 - d_real).mean() + F.relu(1.0 + d_fake).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def g_step(disc, gen, batch_size, opt, z_dim=5):
    loss = -disc(gen(torch.randn(batch_size, z_dim))).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()
