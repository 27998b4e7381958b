"""Ways of splitting the time-embedding projection into the (scale, shift) of a scale-shift norm."""
import torch

SPLITTERS = {}


def splitter(name):
    def deco(fn):
        SPLITTERS[name] = fn
        return fn
    return deco


@splitter("chunk")
def by_chunk(emb_out):
    return torch.chunk(emb_out, 2, dim=1)


@splitter("slice")
def by_slice(emb_out):
    c = emb_out.shape[1] // 2
    return emb_out[:, :c], emb_out[:, c:]


def scale_shift_(h, scale, shift):
    """h * (1 + scale) + shift, as in improved DDPM's ResBlock, without temporaries."""
    scale.add_(1.0)  # L
    return h.mul_(scale[..., None, None]).add_(shift[..., None, None])  # L
