import math

LOG_2PI = math.log(2 * math.pi)


def smooth_(probs, eps):
    """Keep every mixture component alive: mix the weights with a little of the uniform
    distribution, in place, so they still sum to one."""
    k = probs.shape[-1]
    return probs.mul_(1 - k * eps).add_(eps)  # L


def diag_normal_log_prob(x, mean, log_std):
    return (-0.5 * ((x - mean) / log_std.exp()).pow(2) - log_std - 0.5 * LOG_2PI).sum(-1)
