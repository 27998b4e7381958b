"""Helpers for the recurrent state carried from step to step and from window to window."""


def renorm_(h, radius, eps=1e-6):
    """Project each hidden vector onto the sphere of the given radius (keeps a long-running
    stateful model from drifting), in place; the norm is treated as a constant."""
    norm = h.norm(dim=-1, keepdim=True).detach().clamp(min=eps)
    return h.div_(norm).mul_(radius)  # L


def carry(h):
    """The state handed to the next window: values kept, history cut."""
    return None if h is None else h.detach()
