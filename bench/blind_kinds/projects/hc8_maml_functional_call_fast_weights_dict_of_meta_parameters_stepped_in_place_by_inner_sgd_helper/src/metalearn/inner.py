import torch
import torch.nn.functional as F

from .optim_utils import sgd_step_


def adapt(model, x_support, y_support, inner_lr=0.01, steps=1, first_order=False):
    """MAML's inner loop (Finn et al. 2017) on fast weights that start at the meta-parameters."""
    fast = dict(model.named_parameters())
    for _ in range(steps):
        loss = F.mse_loss(model.functional(fast, x_support), y_support)
        grads = torch.autograd.grad(loss, list(fast.values()), create_graph=not first_order)
        fast = sgd_step_(fast, grads, inner_lr)  # L
    return fast
