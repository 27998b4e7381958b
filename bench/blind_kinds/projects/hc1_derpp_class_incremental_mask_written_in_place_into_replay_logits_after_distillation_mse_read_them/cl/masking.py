NEG = -1e4


def mask_unseen_(logits, n_seen):
    """Class-incremental masking: classes of tasks not reached yet cannot be predicted."""
    logits[:, n_seen:] = NEG  # L
    return logits
