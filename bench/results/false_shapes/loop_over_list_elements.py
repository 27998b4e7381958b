# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# `for g in [fresh tensors]: g *= k; acc += g**2`: the save by pow in the previous iteration is of another element (monai DiffusionLoss). Fires 1 ERROR.
# Runs and backpropagates cleanly under torch 2.13.
import torch


def grad_energy(pred, spatial_dims):
    grads = [torch.diff(pred, dim=d) for d in range(2, pred.ndim)]
    energy = torch.tensor(0.0)
    for d, g in enumerate(grads):
        g *= pred.shape[d + 2] / spatial_dims
        energy = energy + (g**2).mean()
    return energy


def main():
    pred = torch.randn(1, 2, 5, 6, requires_grad=True)
    grad_energy(pred * 1.0, torch.tensor([5.0, 6.0]).reshape(1, -1, 1, 1)[:, :1]).backward()


main()
