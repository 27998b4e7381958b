import copy

import torch


class ModelEMA:
    """Exponential moving average of a model's weights (and buffers)."""

    def __init__(self, model, decay=0.999, warmup=True):
        self.module = copy.deepcopy(model)
        self.module.eval()
        self.decay = decay
        self.warmup = warmup
        self.updates = 0

    def _decay(self):
        if not self.warmup:
            return self.decay
        return min(self.decay, (1 + self.updates) / (10 + self.updates))

    @torch.no_grad()
    def update(self, model):
        self.updates += 1
        d = self._decay()
        ema_state = self.module.state_dict()
        for name, value in model.state_dict().items():
            if value.dtype.is_floating_point:
                ema_state[name].copy_(ema_state[name] * d + value * (1.0 - d))  # L
