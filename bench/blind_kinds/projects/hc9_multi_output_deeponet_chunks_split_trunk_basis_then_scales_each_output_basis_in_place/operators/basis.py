import math


def split_trunk(t, n_out):
    """The "split trunk" multi-output strategy (Lu et al. 2022): one trunk, one basis block per output."""
    return t.chunk(n_out, dim=-1)


def scale_basis_(t):
    """Scale a basis block by 1/sqrt(p) so the branch-trunk contraction keeps unit variance."""
    return t.mul_(1.0 / math.sqrt(t.shape[-1]))  # L
