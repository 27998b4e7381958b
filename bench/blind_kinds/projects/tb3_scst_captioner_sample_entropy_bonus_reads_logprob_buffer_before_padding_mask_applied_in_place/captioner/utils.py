def mask_(values, mask):
    """Zero the positions after each sequence's EOS, in place."""
    return values.mul_(mask)  # L
