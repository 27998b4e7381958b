import torch
import torch.nn as nn

from .pointnet import SetAbstraction, farthest_point_sample, gather_points
from .voting import VotingModule


class ProposalHead(nn.Module):
    def __init__(self, dim, n_proposals):
        super().__init__()
        self.n_proposals = n_proposals
        self.mlp = nn.Sequential(nn.Conv1d(dim + 3, dim, 1), nn.ReLU(), nn.Conv1d(dim, 2 + 3, 1))

    def forward(self, vote_xyz, vote_features):
        idx = farthest_point_sample(vote_xyz.detach(), self.n_proposals)
        centers = gather_points(vote_xyz, idx)
        feats = gather_points(vote_features.transpose(1, 2), idx)
        out = self.mlp(torch.cat([centers, feats], -1).transpose(1, 2)).transpose(1, 2)
        return {"objectness": out[..., :2], "center": centers + out[..., 2:]}


class VoteNet(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.backbone = SetAbstraction(cfg["n_seeds"], cfg["k"], cfg["d_in"], cfg["widths"],
                                       use_checkpoint=cfg.get("checkpoint", False))
        self.vgen = VotingModule(cfg["widths"][-1])
        self.head = ProposalHead(cfg["widths"][-1], cfg["n_proposals"])

    def forward(self, xyz, feats):
        seed_xyz, seed_features = self.backbone(xyz, feats)
        vote_xyz, vote_features = self.vgen(seed_xyz, seed_features)  # L
        out = self.head(vote_xyz, vote_features)
        out["seed_xyz"], out["vote_xyz"] = seed_xyz, vote_xyz
        return out
