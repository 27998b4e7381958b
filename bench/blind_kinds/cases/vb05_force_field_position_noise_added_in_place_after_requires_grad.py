"""A learned force field (energy MLP on pairwise distances, forces = -dE/dpos) trained on
energies and forces, with denoising augmentation: the positions are jittered in place. The
trainer turns on requires_grad for the forces before the augmentation step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class EnergyModel(nn.Module):
    def __init__(self, n_rbf=8, cutoff=3.0):
        super().__init__()
        self.register_buffer("centres", torch.linspace(0.0, cutoff, n_rbf))
        self.mlp = nn.Sequential(nn.Linear(n_rbf, 16), nn.SiLU(), nn.Linear(16, 1))

    def forward(self, pos):
        i, j = torch.triu_indices(pos.shape[0], pos.shape[0], offset=1)
        d = (pos[i] - pos[j]).norm(dim=-1, keepdim=True)
        rbf = torch.exp(-4.0 * (d - self.centres) ** 2)
        return self.mlp(rbf).sum()


def prepare(pos, noise_std, augment):
    pos = pos.clone()
    pos.requires_grad_(True)
    if augment:
        pos.add_(noise_std * torch.randn_like(pos))  # L
    return pos


def energy_and_forces(model, pos):
    energy = model(pos)
    forces = -torch.autograd.grad(energy, pos, create_graph=True)[0]
    return energy, forces


def run():
    torch.manual_seed(0)
    model = EnergyModel()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    data = [(torch.randn(4, 3), torch.randn(()), torch.randn(4, 3)) for _ in range(2)]
    for pos, e_ref, f_ref in data:
        pos = prepare(pos, noise_std=0.01, augment=True)
        opt.zero_grad()
        energy, forces = energy_and_forces(model, pos)
        loss = F.mse_loss(energy, e_ref) + 10.0 * F.mse_loss(forces, f_ref)
        loss.backward()
        opt.step()
