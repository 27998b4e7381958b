def split_halves(x, parity):
    """The half that conditions and the half that is transformed, alternating between layers."""
    first, second = x.chunk(2, dim=-1)
    return (first, second) if parity == 0 else (second, first)


def merge_halves(cond, trans, parity):
    import torch

    return torch.cat([cond, trans] if parity == 0 else [trans, cond], dim=-1)
