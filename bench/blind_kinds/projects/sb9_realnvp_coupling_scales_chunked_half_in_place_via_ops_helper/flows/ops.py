def affine_(x, log_scale, shift):
    """y = x * exp(s) + t, written over x: the transformed half is never needed again."""
    return x.mul_(log_scale.exp()).add_(shift)  # L
