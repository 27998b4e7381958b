import torch


def partials(u, coords):
    """First partial derivatives of u with respect to each column of coords (graph kept)."""
    (g,) = torch.autograd.grad(u.sum(), coords, create_graph=True)
    return g.unbind(-1)


def to_physical_(derivs, half_ranges):
    """Derivatives taken in normalised coordinates, rescaled to physical units in place
    (d/dx = (1 / half_range) d/dx_normalised)."""
    for d, s in zip(derivs, half_ranges):
        d.div_(float(s))  # L
    return derivs
