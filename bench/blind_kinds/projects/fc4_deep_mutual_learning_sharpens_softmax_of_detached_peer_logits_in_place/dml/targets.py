def sharpen_(p, T):
    """Temperature sharpening of a probability table, in place to save a copy per peer."""
    p.pow_(1.0 / T)  # L
    p.div_(p.sum(dim=1, keepdim=True))  # L
    return p


def peer_targets(probs, logits, T):
    return [sharpen_(l.detach().softmax(dim=1), T) for l in logits]  # L
