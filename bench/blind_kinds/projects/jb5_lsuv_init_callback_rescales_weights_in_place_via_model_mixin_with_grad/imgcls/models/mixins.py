import torch.nn as nn

from ..utils.tensor import orthonormal_, rescale_


class LSUVMixin:
    """Layer-sequential unit-variance init: orthonormal weights, then, layer by layer, rescale
    each weight until its output on a real batch has unit variance."""

    def lsuv_init(self, x, tol=0.05, max_iter=5):
        for layer in self.weighted_layers():
            orthonormal_(layer.weight)
            seen = {}
            handle = layer.register_forward_hook(lambda m, inp, out: seen.__setitem__("std", out.std()))
            for _ in range(max_iter):
                self(x)
                if abs(seen["std"].item() - 1.0) < tol:
                    break
                rescale_(layer.weight, seen["std"])  # L
                if isinstance(layer, nn.Conv2d) and layer.bias is not None:
                    layer.bias.zero_()  # L
            handle.remove()
        return self
