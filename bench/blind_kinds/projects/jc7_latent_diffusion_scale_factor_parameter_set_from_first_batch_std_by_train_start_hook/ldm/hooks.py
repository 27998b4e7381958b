HOOKS = {}


def hook(event):
    def deco(fn):
        HOOKS.setdefault(event, []).append(fn)
        return fn
    return deco


@hook("train_start")
def std_rescale(model, batch):
    """As in LDM: make the latents unit-variance, measured on the first batch."""
    model.rescale_from(batch)  # L
