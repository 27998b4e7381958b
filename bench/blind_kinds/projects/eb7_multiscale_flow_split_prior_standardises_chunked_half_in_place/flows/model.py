import torch.nn as nn

from .layers import ActNorm, AffineCoupling, FlowStep
from .prior import SplitPrior, standard_normal_logp


def make_step(dim, n_couplings):
    layers = []
    for i in range(n_couplings):
        layers += [ActNorm(dim), AffineCoupling(dim, flip=bool(i % 2))]
    return FlowStep(*layers)


class MultiScaleFlow(nn.Module):
    def __init__(self, dim, n_couplings=2):
        super().__init__()
        self.stage1 = make_step(dim, n_couplings)
        self.split = SplitPrior(dim)
        self.stage2 = make_step(dim // 2, n_couplings)

    def log_prob(self, x):
        z, logdet = self.stage1(x)
        z, logp_out = self.split(z)  # L
        z, logdet2 = self.stage2(z)
        return standard_normal_logp(z) + logp_out + logdet + logdet2


def build_flow(cfg):
    return MultiScaleFlow(cfg["dim"], cfg["n_couplings"])
