import math


def split_trunk(t, n_out):
    """The "split trunk" multi-output strategy (Lu et al. 2022): one trunk, one basis block per output."""
    p = t.shape[-1] // n_out
    return [t[..., i * p:(i + 1) * p] for i in range(n_out)]


def scale_basis_(t):
    """Scale a basis block by 1/sqrt(p) so the branch-trunk contraction keeps unit variance."""
    return t.mul_(1.0 / math.sqrt(t.shape[-1]))  # L
