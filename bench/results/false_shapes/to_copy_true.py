# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# `leaf.to(dtype=..., copy=True)` is a fresh non-leaf tensor, never the leaf or a view of it. Fires 1 ERROR (IPL003).
# Runs and backpropagates cleanly under torch 2.13.
import torch


def main():
    p = torch.randn(1, 3, 2, requires_grad=True)
    coords = p.to(dtype=torch.float32, copy=True)
    coords[:, :, 0] = 0.0
    coords.sin().sum().backward()


main()
