"""Negative ELBO terms by name: the Bernoulli likelihood on probabilities or on logits."""
import torch.nn.functional as F

LOSSES = {}


def register(name):
    def deco(fn):
        LOSSES[name] = fn
        return fn
    return deco


def kl(out):
    return -0.5 * (1 + out["logvar"] - out["mu"].pow(2) - out["logvar"].exp()).sum(-1).mean()


@register("bce_probs")
def bce_probs(out, x):
    return F.binary_cross_entropy(out["probs"], x, reduction="sum") / x.shape[0] + kl(out)


@register("bce_logits")
def bce_logits(out, x):
    return F.binary_cross_entropy_with_logits(out["logits"], x, reduction="sum") / x.shape[0] + kl(out)
