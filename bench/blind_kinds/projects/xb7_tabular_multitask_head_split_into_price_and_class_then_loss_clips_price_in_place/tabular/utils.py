def clip_to_range_(pred, bounds):
    """Predictions outside the range seen in training are clipped (the Kaggle post-processing
    trick, applied before the loss so that outliers do not dominate it)."""
    lo, hi = bounds
    return pred.clamp_(lo, hi)  # L
