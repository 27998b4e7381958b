def safe_log_(p, eps=1e-8):
    """log of a probability tensor with the zeros (padding) floored first."""
    return p.clamp(min=eps).log_()  # L
