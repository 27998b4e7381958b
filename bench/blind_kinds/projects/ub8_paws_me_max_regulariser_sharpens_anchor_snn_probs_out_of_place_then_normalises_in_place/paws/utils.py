def sharpen(p, T):
    sharp = p ** (1.0 / T)
    sharp /= sharp.sum(dim=1, keepdim=True)  # L
    return sharp
