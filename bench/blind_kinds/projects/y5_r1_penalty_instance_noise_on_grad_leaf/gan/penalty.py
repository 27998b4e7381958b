import torch


def r1_penalty(d_real: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
    """R1 (Mescheder et al. 2018): squared gradient norm of the critic at the real samples."""
    (grads,) = torch.autograd.grad(d_real.sum(), real, create_graph=True)
    return grads.pow(2).flatten(1).sum(1).mean()
