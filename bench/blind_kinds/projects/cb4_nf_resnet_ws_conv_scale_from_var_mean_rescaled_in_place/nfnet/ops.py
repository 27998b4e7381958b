"""Scaled weight standardisation (Brock et al., NF-ResNets): W_hat = gain * (W - mean) / (std * sqrt(fan_in)).

Two ways to get the per-filter scale; both reuse the statistic's storage for the scale."""
import torch

DIMS = (1, 2, 3)


def _scale_from_std(weight, fan_in, eps):
    std, mean = torch.std_mean(weight, dim=DIMS, keepdim=True, unbiased=False)
    scale = std.mul_(fan_in ** 0.5).add_(eps).reciprocal_()  # L
    return scale, mean


def _scale_from_var(weight, fan_in, eps):
    var, mean = torch.var_mean(weight, dim=DIMS, keepdim=True, unbiased=False)
    scale = var.mul_(fan_in).add_(eps).rsqrt_()  # L
    return scale, mean


SCALES = {"std": _scale_from_std, "var": _scale_from_var}


def standardize_weight(weight, gain, eps=1e-4, stat="var"):
    fan_in = weight[0].numel()
    scale, mean = SCALES[stat](weight, fan_in, eps)  # L
    return (weight - mean) * (scale * gain)
