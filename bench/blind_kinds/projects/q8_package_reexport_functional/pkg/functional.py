def renorm_(p, eps=1e-8):
    """Rescale rows to sum to one, in place."""
    return p.div_(p.sum(-1, keepdim=True) + eps)  # L
