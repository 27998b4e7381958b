def complement_(p):
    """1 - p without a new allocation."""
    return p.neg_().add_(1.0)  # L
