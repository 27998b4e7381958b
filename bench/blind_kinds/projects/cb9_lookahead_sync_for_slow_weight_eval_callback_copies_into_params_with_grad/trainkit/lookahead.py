"""Lookahead (Zhang et al. 2019) around any optimizer: every k steps the slow weights move
alpha of the way to the fast ones and the fast weights restart from them."""
from collections import defaultdict

import torch


class Lookahead:
    def __init__(self, base, k=5, alpha=0.5):
        self.base = base
        self.k, self.alpha = k, alpha
        self.slow = defaultdict(dict)
        self.steps = 0

    @property
    def param_groups(self):
        return self.base.param_groups

    def zero_grad(self, set_to_none=True):
        self.base.zero_grad(set_to_none=set_to_none)

    def _update_slow(self):
        for group in self.base.param_groups:
            for fast in group["params"]:
                state = self.slow[fast]
                if "buf" not in state:
                    state["buf"] = fast.detach().clone()
                slow = state["buf"]
                slow.lerp_(fast, self.alpha)
                fast.copy_(slow)  # L

    @torch.no_grad()
    def step(self):
        self.base.step()
        self.steps += 1
        if self.steps % self.k == 0:
            self._update_slow()

    def sync_lookahead(self):
        """Load the slow weights into the model (before evaluation or checkpointing)."""
        self._update_slow()  # L
