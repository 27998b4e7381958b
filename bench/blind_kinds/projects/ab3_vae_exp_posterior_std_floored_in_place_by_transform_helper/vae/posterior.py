import torch

from .transforms import floor_, positive


class DiagonalGaussian:
    def __init__(self, mu, raw_scale, std_fn="exp", min_std=1e-2):
        self.mu = mu
        self.std = positive(std_fn)(raw_scale)
        floor_(self.std, min_std)  # L

    def rsample(self):
        return self.mu + self.std * torch.randn_like(self.std)

    def kl_to_standard_normal(self):
        return (0.5 * (self.mu.pow(2) + self.std.pow(2) - 1.0) - self.std.log()).sum(-1)
