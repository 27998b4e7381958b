def fill_padded_(t, pad, value=0.0):
    """Fill the padded key positions of (batch, ..., keys) scores or weights, in place."""
    shape = (pad.shape[0],) + (1,) * (t.dim() - 2) + (pad.shape[-1],)
    return t.masked_fill_(pad.view(shape), value)  # L
