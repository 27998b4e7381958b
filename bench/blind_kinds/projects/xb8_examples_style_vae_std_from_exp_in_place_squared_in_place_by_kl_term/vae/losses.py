import torch
import torch.nn.functional as F


def kl_divergence(mu, logvar, std):
    # KL(q || N(0, I)) = -0.5 * sum(1 + log sigma^2 - mu^2 - sigma^2); sigma^2 from the std we have
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - std.pow_(2))  # L


def vae_loss(recon, x, mu, logvar, std, beta=1.0):
    bce = F.binary_cross_entropy(recon, x, reduction="sum")
    return bce + beta * kl_divergence(mu, logvar, std)  # L
