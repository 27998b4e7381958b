"""Discriminator and generator losses, looked up by the name in the config."""
import torch
import torch.nn.functional as F


def d_nonsaturating(real_logits, fake_logits):
    return (F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))
            + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits)))


def d_hinge(real_logits, fake_logits):
    return F.relu(1.0 - real_logits).mean() + F.relu(1.0 + fake_logits).mean()


def g_nonsaturating(fake_logits):
    return F.binary_cross_entropy_with_logits(fake_logits, torch.ones_like(fake_logits))


def g_hinge(fake_logits):
    return -fake_logits.mean()


D_LOSSES = {"nonsaturating": d_nonsaturating, "hinge": d_hinge}
G_LOSSES = {"nonsaturating": g_nonsaturating, "hinge": g_hinge}
