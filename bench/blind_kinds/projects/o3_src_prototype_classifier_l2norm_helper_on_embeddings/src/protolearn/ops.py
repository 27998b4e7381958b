"""Tensor helpers. Trailing underscore = in place, as in torch."""


def l2norm_(t, dim=-1, eps=1e-6):
    norm = t.norm(dim=dim, keepdim=True).clamp_min(eps)
    return t.div_(norm)  # L


def l2norm(t, dim=-1, eps=1e-6):
    return t / t.norm(dim=dim, keepdim=True).clamp_min(eps)
