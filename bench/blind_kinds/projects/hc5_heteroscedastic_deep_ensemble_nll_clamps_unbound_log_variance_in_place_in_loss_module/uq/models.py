import torch
import torch.nn as nn


class GaussianMLP(nn.Module):
    """One member: predicts a mean and a log-variance (Lakshminarayanan et al. 2017)."""

    def __init__(self, in_dim, hidden):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(in_dim, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x):
        return self.net(x)


class DeepEnsemble(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.members = nn.ModuleList(GaussianMLP(cfg.in_dim, cfg.hidden) for _ in range(cfg.members))

    def forward(self, x):
        out = torch.stack([m(x) for m in self.members], dim=1)   # [B, K, 2]
        mean, log_var = out.unbind(-1)
        return mean, log_var

    @staticmethod
    def predictive(mean, log_var):
        """Mixture moments: aleatoric + epistemic variance."""
        mu = mean.mean(1)
        var = (log_var.exp() + mean.pow(2)).mean(1) - mu.pow(2)
        return mu, var
