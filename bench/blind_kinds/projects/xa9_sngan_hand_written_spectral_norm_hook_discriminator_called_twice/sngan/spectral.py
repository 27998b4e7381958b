import torch
import torch.nn as nn
import torch.nn.functional as F


class SpectralNorm:
    """Miyato et al.: W / sigma(W), sigma estimated by one power-iteration step per forward.

    Registered as a forward pre-hook, like torch.nn.utils.spectral_norm."""

    def __init__(self, name="weight", eps=1e-12):
        self.name = name
        self.eps = eps

    def compute_weight(self, module):
        w = getattr(module, self.name + "_orig")
        u, v = module.sn_u, module.sn_v
        w_mat = w.flatten(1)
        if module.training:
            with torch.no_grad():
                v.copy_(F.normalize(w_mat.t() @ u, dim=0, eps=self.eps))  # L
                u.copy_(F.normalize(w_mat @ v, dim=0, eps=self.eps))  # L
        sigma = torch.dot(u, w_mat @ v)
        return w / sigma

    def __call__(self, module, inputs):
        setattr(module, self.name, self.compute_weight(module))  # L

    @staticmethod
    def apply(module, name="weight"):
        fn = SpectralNorm(name)
        w = getattr(module, name)
        del module._parameters[name]
        module.register_parameter(name + "_orig", nn.Parameter(w.detach().clone()))
        setattr(module, name, w.detach().clone())
        out_features = w.shape[0]
        module.register_buffer("sn_u", F.normalize(torch.randn(out_features), dim=0))
        module.register_buffer("sn_v", F.normalize(torch.randn(w[0].numel()), dim=0))
        module.register_forward_pre_hook(fn)
        return module


def spectral_norm(module, name="weight"):
    return SpectralNorm.apply(module, name)
