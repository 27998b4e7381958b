"""Magnitude pruning with fixed masks refreshed after every optimizer step."""
from functools import partial

import torch


class MagnitudePruner:
    """Keeps the named layers' weights sparse.

    mode="pre_hook": the mask is re-applied right before each forward of a
    layer (robust to anything that writes the weights between steps);
    mode="after_step": the mask is applied once, after the optimizer step.
    """

    def __init__(self, model, targets, sparsity=0.5, mode="pre_hook"):
        self.sparsity = sparsity
        self.mode = mode
        self.layers = {name: m for name, m in model.named_modules() if name in set(targets)}
        self.masks = {name: torch.ones_like(m.weight) for name, m in self.layers.items()}
        self.handles = []
        if mode == "pre_hook":
            for name, layer in self.layers.items():
                self.handles.append(layer.register_forward_pre_hook(partial(self._pre_forward, name)))

    def _pre_forward(self, name, module, args):
        self.apply_(name, module)  # L

    @torch.no_grad()
    def apply_(self, name, module):
        module.weight.mul_(self.masks[name])  # L

    @torch.no_grad()
    def update_masks(self):
        for name, layer in self.layers.items():
            mag = layer.weight.abs()
            k = int(self.sparsity * mag.numel())
            if k == 0:
                continue
            threshold = mag.flatten().kthvalue(k).values
            self.masks[name] = (mag > threshold).to(mag.dtype)

    # --- trainer callback protocol -------------------------------------
    def on_step_end(self, trainer):
        self.update_masks()
        if self.mode == "after_step":
            for name, layer in self.layers.items():
                self.apply_(name, layer)

    def density(self):
        kept = sum(int(m.sum()) for m in self.masks.values())
        return kept / sum(m.numel() for m in self.masks.values())

    def remove(self):
        for h in self.handles:
            h.remove()
        self.handles.clear()
