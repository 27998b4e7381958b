from . import utils


def sample_entropy(logprobs, mask):
    """Monte Carlo entropy of the sampled tokens, averaged over real positions."""
    return (-(logprobs.exp() * logprobs) * mask).sum() / mask.sum()


def scst_loss(logprobs, mask, advantage, ent_coef=0.01):
    """Self-critical sequence training (Rennie et al., 2017) with a small entropy bonus."""
    entropy = sample_entropy(logprobs, mask)
    logprobs = utils.mask_(logprobs, mask)  # L
    pg = -(advantage[:, None] * logprobs).sum() / mask.sum()
    return pg - ent_coef * entropy
