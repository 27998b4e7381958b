import torch
import torch.nn as nn

from .mapping import MappingNetwork
from .ops import broadcast, truncate_


class ModulatedLinear(nn.Module):
    """A style-modulated layer for vector 'images': the style scales the input features."""

    def __init__(self, w_dim, d_in, d_out):
        super().__init__()
        self.affine = nn.Linear(w_dim, d_in)
        self.weight = nn.Parameter(torch.randn(d_out, d_in) / d_in ** 0.5)

    def forward(self, x, w):
        return torch.nn.functional.leaky_relu((x * (1 + self.affine(w))) @ self.weight.t(), 0.2)


class Generator(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.mapping = MappingNetwork(cfg["z_dim"], cfg["w_dim"], cfg["mapping_depth"], cfg["mapping_act"])
        dims = cfg["synthesis_dims"]
        self.const = nn.Parameter(torch.randn(1, dims[0]))
        self.layers = nn.ModuleList(ModulatedLinear(cfg["w_dim"], a, b) for a, b in zip(dims, dims[1:]))
        self.to_out = nn.Linear(dims[-1], cfg["out_dim"])
        self.register_buffer("w_avg", torch.zeros(cfg["w_dim"]))

    def styles(self, z, psi):
        w = self.mapping(z)
        if self.training:
            self.w_avg.lerp_(w.detach().mean(0), 0.01)
        if self.cfg["truncate_at"] == "mapping":
            return broadcast(truncate_(w, self.w_avg, psi), len(self.layers))  # L
        ws = broadcast(w, len(self.layers))
        return truncate_(ws, self.w_avg, psi)  # L

    def forward(self, z, psi=1.0):
        ws = self.styles(z, psi)  # L
        x = self.const.expand(z.shape[0], -1)
        for i, layer in enumerate(self.layers):
            x = layer(x, ws[:, i])
        return torch.tanh(self.to_out(x))
