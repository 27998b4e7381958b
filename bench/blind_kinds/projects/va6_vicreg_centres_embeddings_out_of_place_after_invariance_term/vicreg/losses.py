import torch
import torch.nn.functional as F

from . import ops


def variance_term(z, gamma=1.0, eps=1e-4):
    std = torch.sqrt(z.var(dim=0) + eps)
    return F.relu(gamma - std).mean()


def covariance_term(z):
    n, d = z.shape
    cov = (z.T @ z) / (n - 1)
    return ops.off_diagonal(cov).pow_(2).sum() / d  # L


def vicreg_loss(z1, z2, sim_coeff=25.0, std_coeff=25.0, cov_coeff=1.0):
    repr_loss = F.mse_loss(z1, z2)
    z1, z2 = z1 - z1.mean(dim=0), z2 - z2.mean(dim=0)
    std_loss = variance_term(z1) + variance_term(z2)
    cov_loss = covariance_term(z1) + covariance_term(z2)
    return sim_coeff * repr_loss + std_coeff * std_loss / 2 + cov_coeff * cov_loss
