import math


def gaussian_nll(mean, log_var, y, cfg):
    """Per-member Gaussian negative log-likelihood, summed over members; the log-variance is bounded
    for stability early in training."""
    log_var.clamp_(cfg.min_log_var, cfg.max_log_var)  # L
    nll = 0.5 * (log_var + (y - mean).pow(2) / log_var.exp() + math.log(2 * math.pi))
    return nll.mean(0).sum()
