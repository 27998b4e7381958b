"""Exponential moving average of the denoiser's weights, kept as a name -> tensor dict so that
the target network can be evaluated with torch.func.functional_call (no second module)."""
import torch
from torch.func import functional_call


class EMA:
    def __init__(self, model, decay=0.95):
        self.decay = decay
        self.shadow = {n: p.detach() for n, p in model.named_parameters()}

    @torch.no_grad()
    def update(self, model):
        for n, p in model.named_parameters():
            self.shadow[n].mul_(self.decay).add_(p, alpha=1 - self.decay)  # L

    @torch.no_grad()
    def __call__(self, model, *args):
        return functional_call(model, self.shadow, args)
