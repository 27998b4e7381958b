"""Lookahead (Zhang et al. 2019): every k fast steps, pull the slow weights toward the fast ones and
restart the fast weights from there."""


class Lookahead:
    def __init__(self, base, k=5, alpha=0.5):
        self.base = base
        self.k, self.alpha = k, alpha
        self.fast_steps = 0
        self.slow = [[p.detach().clone() for p in group["params"]] for group in base.param_groups]

    @property
    def param_groups(self):
        return self.base.param_groups

    def zero_grad(self, set_to_none=True):
        self.base.zero_grad(set_to_none=set_to_none)

    def _sync(self):
        for group, slow in zip(self.base.param_groups, self.slow):
            for p, s in zip(group["params"], slow):
                s.lerp_(p, self.alpha)
                p.copy_(s)  # L

    def step(self):
        self.base.step()
        self.fast_steps += 1
        if self.fast_steps % self.k == 0:
            self._sync()  # L
