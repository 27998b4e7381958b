"""Intrinsic curiosity module (Pathak et al. 2017): an inverse model shapes the feature space, a
forward model predicts the next features, and its prediction error is the curiosity bonus."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ICM(nn.Module):
    def __init__(self, obs_dim, n_actions, feat_dim=8, beta=0.2):
        super().__init__()
        self.n_actions, self.beta = n_actions, beta
        self.encoder = nn.Sequential(nn.Linear(obs_dim, 16), nn.ELU(), nn.Linear(16, feat_dim))
        self.inverse = nn.Sequential(nn.Linear(2 * feat_dim, 16), nn.ELU(), nn.Linear(16, n_actions))
        self.forward_model = nn.Sequential(nn.Linear(feat_dim + n_actions, 16), nn.ELU(), nn.Linear(16, feat_dim))

    def prediction_error(self, pred, target):
        return (pred - target).pow(2).sum(-1)

    def forward(self, obs, next_obs, actions):
        phi, phi_next = self.encoder(obs), self.encoder(next_obs)
        inverse_loss = F.cross_entropy(self.inverse(torch.cat([phi, phi_next], -1)), actions)
        one_hot = F.one_hot(actions, self.n_actions).float()
        pred = self.forward_model(torch.cat([phi.detach(), one_hot], -1))
        error = self.prediction_error(pred, phi_next.detach())
        loss = (1 - self.beta) * inverse_loss + self.beta * error.mean()
        return loss, error.detach()
