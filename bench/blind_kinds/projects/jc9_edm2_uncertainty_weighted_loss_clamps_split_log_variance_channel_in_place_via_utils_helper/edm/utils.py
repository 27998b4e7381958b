def bounded_(t, lo, hi):
    """Keep a log-variance in range so that exp(-logvar) cannot blow up early in training."""
    return t.clamp_(lo, hi)  # L


def append_dims(x, n):
    return x.reshape(x.shape + (1,) * (n - x.dim()))
