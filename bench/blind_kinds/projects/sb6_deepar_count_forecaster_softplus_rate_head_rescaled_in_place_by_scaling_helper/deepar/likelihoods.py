import functools

import torch
import torch.nn as nn
import torch.nn.functional as F

LIKELIHOODS = {}


def register(name):
    def deco(cls):
        LIKELIHOODS[name] = cls
        return cls
    return deco


@register("poisson")
class PoissonHead(nn.Module):
    scaled_params = ("rate",)

    def __init__(self, hidden, rate_link="softplus"):
        super().__init__()
        self.proj = nn.Linear(hidden, 1)
        self.link = torch.exp if rate_link == "exp" else F.softplus

    def forward(self, h):
        return {"rate": self.link(self.proj(h).squeeze(-1))}

    @staticmethod
    def nll(params, y):
        return F.poisson_nll_loss(params["rate"], y, log_input=False)


@register("gaussian")
class GaussianHead(nn.Module):
    scaled_params = ("loc", "scale")

    def __init__(self, hidden):
        super().__init__()
        self.proj = nn.Linear(hidden, 2)

    def forward(self, h):
        out = self.proj(h)
        return {"loc": out[..., 0], "scale": F.softplus(out[..., 1]) + 1e-3}

    @staticmethod
    def nll(params, y):
        return -torch.distributions.Normal(params["loc"], params["scale"]).log_prob(y).mean()


def build_likelihood(spec, hidden):
    spec = dict(spec)
    return functools.partial(LIKELIHOODS[spec.pop("name")], **spec)(hidden)
