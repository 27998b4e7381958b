import math


def foreground_prior(p=0.01):
    return -math.log((1 - p) / p)


def add_prior_(bias, prior):
    """Start every generated mask near the foreground prior, as the focal-loss heads do."""
    return bias.add_(prior)  # L
