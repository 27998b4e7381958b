import torch
import torch.nn as nn
import torch.nn.functional as F


class VectorQuantizer(nn.Module):
    def __init__(self, codes, dim, beta=0.25, decay=0.9, restart=None):
        super().__init__()
        self.codebook = nn.Embedding(codes, dim)
        self.codebook.weight.data.uniform_(-1.0 / codes, 1.0 / codes)
        self.beta, self.decay, self.restart = beta, decay, restart
        self.register_buffer("usage", torch.ones(codes))
        self.last_z = None

    def forward(self, z):
        dist = torch.cdist(z, self.codebook.weight)
        idx = dist.argmin(dim=1)
        zq = self.codebook(idx)
        loss = F.mse_loss(zq, z.detach()) + self.beta * F.mse_loss(z, zq.detach())
        with torch.no_grad():
            counts = torch.bincount(idx, minlength=self.usage.numel()).float()
            self.usage.mul_(self.decay).add_((1 - self.decay) * counts)
        self.last_z = z.detach()
        if self.restart is not None and self.restart.when == "forward":
            self.restart(self.codebook, self.usage, z)  # L
        # a soft assignment term keeps gradients flowing to unused codes
        soft = F.softmax(-dist, dim=1)
        entropy = -(soft * soft.clamp_min(1e-8).log()).sum(1).mean()
        return z + (zq - z).detach(), loss - 0.01 * entropy

    def restart_after_step(self):
        if self.restart is not None and self.restart.when == "after_step":
            return self.restart(self.codebook, self.usage, self.last_z)
        return 0
