import math

import torch


def gaussian_nll(mu, scale, target):
    z = (target - mu) / scale
    return (torch.log(scale) + 0.5 * z.pow(2) + 0.5 * math.log(2 * math.pi)).mean()


def calibration_error(mu, scale, target, q=1.0):
    """Fraction of targets within q standard deviations, minus its Gaussian value."""
    inside = ((target - mu).abs() <= q * scale).float().mean()
    return (inside - math.erf(q / math.sqrt(2))).abs()
