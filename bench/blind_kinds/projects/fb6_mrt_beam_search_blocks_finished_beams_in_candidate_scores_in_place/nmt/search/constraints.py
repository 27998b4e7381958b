def block_finished_(scores, finished, eos, keep):
    """A finished hypothesis may only be extended by EOS, at the score `keep`."""
    scores[finished] = float("-inf")  # L
    scores[finished, eos] = keep  # L
    return scores
