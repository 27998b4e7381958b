"""Weight rewinding (Frankle & Carbin): after each pruning round the surviving weights go back to
their values at initialisation (or at an early iteration, for late rewinding)."""


def snapshot(model):
    return {name: p.detach().clone() for name, p in model.named_parameters()}


def rewind_(model, saved, masks):
    for name, p in model.named_parameters():
        mask = masks.get(name)
        p.copy_(saved[name] if mask is None else saved[name] * mask)  # L
