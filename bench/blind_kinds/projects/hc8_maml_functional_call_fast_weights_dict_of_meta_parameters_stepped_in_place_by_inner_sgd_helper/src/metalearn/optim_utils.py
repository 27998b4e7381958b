def sgd_step_(weights, grads, lr):
    """One plain SGD step on a dict of weights, in place (no new tensors per inner step)."""
    for w, g in zip(weights.values(), grads):
        w.sub_(g, alpha=lr)  # L
    return weights
