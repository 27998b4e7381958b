def as_condition_(x0_hat):
    """The first pass's estimate as the second pass's input: no gradient through it, and kept in the
    data range like the samples."""
    cond = x0_hat.detach()
    return cond.clamp_(-1.0, 1.0)  # L
