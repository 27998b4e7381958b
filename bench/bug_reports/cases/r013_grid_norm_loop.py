# Source: https://github.com/pytorch/vision/issues/3025 (and pytorch/pytorch#48149)
# Report: visualising conv kernels that require grad; make_grid(normalize=True,
# scale_each=True) loops `for t in tensor:` and clamps/normalises each `t` in
# place: "Output X of UnbindBackward is a view and is being modified inplace".
# The user's helper is written out here (the loop is what the user's code ran).
import torch
import torch.nn as nn


def norm_ip(img, low, high):
    img.clamp_(min=low, max=high)  # hazard
    img.sub_(low).div_(max(high - low, 1e-5))  # hazard


def make_grid_scaled(tensor):
    tensor = tensor.clone()
    for t in tensor:
        norm_ip(t, t.min().item(), t.max().item())
    return tensor


def run():
    conv = nn.Conv2d(2, 3, 3)
    kernels = conv.weight
    for o_idx in range(kernels.shape[0]):
        kernel_idx = kernels[o_idx, :, :, :].unsqueeze(1)
        grid = make_grid_scaled(kernel_idx)
        grid.sum().backward()


if __name__ == "__main__":
    run()
