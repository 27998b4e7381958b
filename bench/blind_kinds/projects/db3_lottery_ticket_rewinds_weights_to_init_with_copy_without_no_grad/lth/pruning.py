import torch


def global_magnitude_masks(model, names, masks, rate):
    """Prune `rate` of the weights still alive, smallest magnitudes first, over all named layers."""
    params = dict(model.named_parameters())
    alive = torch.cat([params[n].detach().abs()[masks[n].bool()] for n in names])
    k = int(rate * alive.numel())
    if k == 0:
        return masks
    threshold = alive.kthvalue(k).values
    return {n: masks[n] * (params[n].detach().abs() > threshold).float() for n in names}


@torch.no_grad()
def apply_masks_(model, masks):
    params = dict(model.named_parameters())
    for name, mask in masks.items():
        params[name].mul_(mask)
