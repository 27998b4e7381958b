def l2_normalise_(t, eps=1e-6):
    return t.div_(t.norm(dim=-1, keepdim=True).clamp(min=eps))  # L
