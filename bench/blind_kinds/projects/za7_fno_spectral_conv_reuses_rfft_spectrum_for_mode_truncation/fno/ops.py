import torch


def compl_mul1d(a, w):
    # (batch, in, modes) x (in, out, modes) -> (batch, out, modes)
    return torch.einsum("bim,iom->bom", a, w)
