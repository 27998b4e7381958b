def center_(t):
    """Subtract the batch mean of each feature, in place."""
    return t.sub_(t.mean(dim=0, keepdim=True))  # L
