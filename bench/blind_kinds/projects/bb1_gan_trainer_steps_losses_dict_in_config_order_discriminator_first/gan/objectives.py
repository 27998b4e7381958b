"""Non-saturating GAN losses, both computed from one generator pass."""
import torch
import torch.nn.functional as F


def bce_logits(logits, target):
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, target))


def compute_losses(gen, disc, real):
    fake = gen(gen.sample_z(real.shape[0]))
    return {
        "d": bce_logits(disc(real), 1.0) + bce_logits(disc(fake.detach()), 0.0),
        "g": bce_logits(disc(fake), 1.0),
    }
