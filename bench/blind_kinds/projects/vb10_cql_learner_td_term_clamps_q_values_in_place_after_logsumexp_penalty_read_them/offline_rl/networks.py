import torch.nn as nn


class QNetwork(nn.Module):
    def __init__(self, obs_dim, n_actions, width=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, width), nn.ReLU(), nn.Linear(width, width),
                                 nn.ReLU(), nn.Linear(width, n_actions))

    def forward(self, obs):
        return self.net(obs)
