def split_crops(out, n_crops, how="chunk"):
    """The per-crop blocks of a batch made by concatenating the crops."""
    if how == "chunk":
        return out.chunk(n_crops)
    b = out.size(0) // n_crops
    return [out[i * b:(i + 1) * b] for i in range(n_crops)]


def sharpen_(logits, temp):
    """Temperature-scale logits in place (no extra activation memory for the many local crops)."""
    return logits.div_(temp)  # L
