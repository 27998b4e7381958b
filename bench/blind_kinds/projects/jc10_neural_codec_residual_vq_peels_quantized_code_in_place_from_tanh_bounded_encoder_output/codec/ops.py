def peel_(residual, code):
    """What the next codebook has to explain; in place, the residual is the size of the latents."""
    return residual.sub_(code.detach())  # L


def straight_through(x, q):
    return x + (q - x).detach()
