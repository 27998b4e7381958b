import torch
import torch.nn as nn


class RBFKernel(nn.Module):
    def __init__(self, lengthscale=1.0, outputscale=1.0):
        super().__init__()
        self.log_lengthscale = nn.Parameter(torch.tensor(float(lengthscale)).log())
        self.log_outputscale = nn.Parameter(torch.tensor(float(outputscale)).log())

    def forward(self, a, b):
        d2 = torch.cdist(a, b).pow(2)
        return self.log_outputscale.exp() * torch.exp(-0.5 * d2 / self.log_lengthscale.exp() ** 2)
