"""Losses by name. The z-loss (PaLM) keeps log Z = logsumexp(logits) near zero; since log Z is
computed anyway, the log-probabilities are taken as logits - log Z, in place, because the logits
are the largest activation of the step."""
import torch

LOSSES = {}


def register(name):
    def deco(fn):
        LOSSES[name] = fn
        return fn
    return deco


def _gather_nll(log_probs, targets):
    return -log_probs.gather(-1, targets.unsqueeze(-1)).squeeze(-1)


@register("ce")
def cross_entropy(logits, targets):
    return _gather_nll(torch.log_softmax(logits, -1), targets).mean()


@register("ce_z")
def cross_entropy_with_z_loss(logits, targets, z_weight=1e-4):
    log_z = torch.logsumexp(logits, dim=-1, keepdim=True)
    log_probs = logits.sub_(log_z)  # L
    return _gather_nll(log_probs, targets).mean() + z_weight * log_z.pow(2).mean()
