def sharpen_(logits, temperature):
    """Temperature-sharpen mask logits; in place, the logits of a batch of ROIs can be large."""
    return logits.div_(temperature)  # L


def soft_dice(probs, target, eps=1.0):
    inter = (probs * target).flatten(1).sum(1)
    denom = probs.flatten(1).sum(1) + target.flatten(1).sum(1)
    return 1 - ((2 * inter + eps) / (denom + eps)).mean()
