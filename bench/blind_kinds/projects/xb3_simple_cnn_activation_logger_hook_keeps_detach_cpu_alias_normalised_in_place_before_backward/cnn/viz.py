import torch


def normalise_for_display_(fmap):
    """Min-max scale each channel map to [0, 1], in place (it is only for the image grid)."""
    flat = fmap.flatten(2)
    lo = flat.amin(dim=2, keepdim=True).unsqueeze(-1)
    hi = flat.amax(dim=2, keepdim=True).unsqueeze(-1)
    return fmap.sub_(lo).div_(hi - lo + 1e-6)  # L


class ActivationLogger:
    """Keeps the last output of the hooked layers, detached and moved to the CPU for logging."""

    def __init__(self, model, layer_names):
        self.store = {}
        self.images = []
        for name in layer_names:
            getattr(model, name).register_forward_hook(self._hook(name))

    def _hook(self, name):
        def hook(module, inputs, output):
            self.store[name] = output.detach().cpu()
        return hook

    def snapshot(self, step):
        grid = {name: normalise_for_display_(fmap[:1]) for name, fmap in self.store.items()}  # L
        self.images.append((step, grid))
