def length_normalise_(logps, lengths):
    """Average log-likelihood per response token, written over the summed log-probabilities."""
    return logps.div_(lengths)  # L
