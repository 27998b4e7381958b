def normalize_hidden_(s, eps=1e-5):
    """MuZero (Appendix G): scale the hidden state to [0, 1] per sample."""
    lo = s.min(dim=-1, keepdim=True).values
    hi = s.max(dim=-1, keepdim=True).values
    return s.sub_(lo).div_(hi - lo + eps)  # L


def scale_gradient(x, scale):
    """Identity forward, gradient scaled by `scale` backward."""
    return x * scale + x.detach() * (1 - scale)
