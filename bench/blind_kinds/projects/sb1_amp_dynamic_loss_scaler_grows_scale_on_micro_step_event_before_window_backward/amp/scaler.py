"""A hand-written dynamic loss scaler (the fp16 recipe of Micikevicius et al.), kept as a tensor
so that the scaled loss stays on the device and the scale can be checkpointed as a buffer."""
import torch


class DynamicLossScaler:
    def __init__(self, init_scale=2.0 ** 8, growth_factor=2.0, backoff_factor=0.5, growth_interval=2):
        self._scale = torch.tensor(float(init_scale))
        self.growth_factor = growth_factor
        self.backoff_factor = backoff_factor
        self.growth_interval = growth_interval
        self._good_steps = 0

    @property
    def scale_value(self):
        return float(self._scale)

    def scale(self, loss):
        return loss * self._scale

    @torch.no_grad()
    def unscale_(self, params):
        inv = 1.0 / self._scale
        found_inf = False
        for p in params:
            if p.grad is None:
                continue
            p.grad.mul_(inv)
            found_inf = found_inf or not bool(torch.isfinite(p.grad).all())
        return found_inf

    @torch.no_grad()
    def update(self, found_inf=False):
        if found_inf:
            self._scale.mul_(self.backoff_factor)
            self._good_steps = 0
            return
        self._good_steps += 1
        if self._good_steps % self.growth_interval == 0:
            self._scale.mul_(self.growth_factor)  # L

    # trainer callback protocol: called with the trainer and the event's payload
    def __call__(self, trainer, found_inf=False):
        self.update(found_inf)  # L
