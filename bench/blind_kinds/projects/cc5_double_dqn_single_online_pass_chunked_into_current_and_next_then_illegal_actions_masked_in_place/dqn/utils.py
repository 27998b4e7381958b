def halves(x):
    """Undo a torch.cat([a, b]) of two equal-sized batches."""
    return x.chunk(2)


def mask_illegal_(q, legal):
    """Illegal actions (board games, action masks from the env) must never win the argmax."""
    return q.masked_fill_(~legal, -1e9)  # L
