def affine_(y, weight, bias):
    """Per-channel scale and shift, in place to spare a copy of the activations."""
    return y.mul_(weight).add_(bias)  # L
