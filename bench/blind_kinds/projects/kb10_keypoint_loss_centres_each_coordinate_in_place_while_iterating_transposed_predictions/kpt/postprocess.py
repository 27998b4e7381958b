def centre_coordinates_(points):
    """Removes the translation: every coordinate column gets its mean subtracted (in place)."""
    for coord in points.T:
        coord -= coord.mean()  # L
    return points
