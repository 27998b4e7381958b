import torch


def pad_mask(tokens, pad_id):
    return tokens.eq(pad_id)


def zero_pads_(states, mask):
    """Padded positions carry the GRU's state past the sentence end; zero them."""
    states[mask] = 0.0  # L
    return states
