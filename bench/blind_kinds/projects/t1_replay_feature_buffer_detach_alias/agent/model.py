import torch.nn as nn


class Encoder(nn.Module):
    """Observation encoder; its bounded features are also used for the novelty bonus."""

    def __init__(self, obs_dim, feat_dim=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU(), nn.Linear(16, feat_dim), nn.Tanh())

    def forward(self, obs):
        return self.net(obs)


class QHead(nn.Module):
    def __init__(self, feat_dim, n_actions):
        super().__init__()
        self.fc = nn.Linear(feat_dim, n_actions)

    def forward(self, feats):
        return self.fc(feats)
