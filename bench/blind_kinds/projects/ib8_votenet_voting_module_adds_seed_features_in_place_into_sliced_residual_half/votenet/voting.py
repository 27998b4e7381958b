import torch.nn as nn
import torch.nn.functional as F

from .utils import split_offsets


class VotingModule(nn.Module):
    """Deep Hough voting (Qi et al. 2019): every seed votes an offset to its object's centre and a
    feature residual."""

    def __init__(self, dim):
        super().__init__()
        self.conv1 = nn.Conv1d(dim, dim, 1)
        self.conv2 = nn.Conv1d(dim, dim, 1)
        self.conv3 = nn.Conv1d(dim, 3 + dim, 1)
        self.bn1 = nn.BatchNorm1d(dim)
        self.bn2 = nn.BatchNorm1d(dim)

    def forward(self, seed_xyz, seed_features):
        net = F.relu(self.bn1(self.conv1(seed_features)))
        net = F.relu(self.bn2(self.conv2(net)))
        net = self.conv3(net)
        offset, residual = split_offsets(net)
        vote_xyz = seed_xyz + offset.transpose(1, 2)
        residual += seed_features  # L
        vote_features = residual / residual.norm(dim=1, keepdim=True).clamp(min=1e-6)
        return vote_xyz, vote_features
