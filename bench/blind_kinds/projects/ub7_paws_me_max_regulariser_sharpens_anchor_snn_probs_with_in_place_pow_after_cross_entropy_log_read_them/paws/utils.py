def sharpen(p, T):
    sharp = p.pow_(1.0 / T)  # L
    sharp /= sharp.sum(dim=1, keepdim=True)  # L
    return sharp
