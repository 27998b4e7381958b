def running_mean(samples):
    """Mean of an iterable of tensors without stacking them all (memory stays flat in T)."""
    total, n = None, 0
    for s in samples:
        total = s if total is None else total.add_(s)  # L
        n += 1
    return total.div_(n)  # L
