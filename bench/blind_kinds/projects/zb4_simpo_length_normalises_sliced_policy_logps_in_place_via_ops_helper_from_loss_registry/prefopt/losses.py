from functools import partial

import torch.nn.functional as F

from . import ops


def dpo_loss(policy, lengths, reference, beta):
    (chosen, rejected), (ref_chosen, ref_rejected) = policy, reference
    return -F.logsigmoid(beta * ((chosen - ref_chosen) - (rejected - ref_rejected))).mean()


def simpo_loss(policy, lengths, reference, beta, gamma):
    """SimPO: reference-free, length-normalised log-likelihood margin with a target margin gamma."""
    chosen, rejected = policy
    ops.length_normalise_(chosen, lengths[0])  # L
    ops.length_normalise_(rejected, lengths[1])  # L
    return -F.logsigmoid(beta * (chosen - rejected) - gamma).mean()


LOSSES = {
    "dpo": partial(dpo_loss, beta=0.1),
    "simpo": partial(simpo_loss, beta=2.0, gamma=0.5),
}


def needs_reference(name):
    return LOSSES[name].func is dpo_loss
