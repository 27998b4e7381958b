import itertools
from abc import ABC, abstractmethod

import torch


class ManualOptimizer(ABC):
    """A small optimizer with torch's param-group layout; subclasses give the per-tensor rule."""

    def __init__(self, groups, **defaults):
        self.param_groups = [dict(defaults, **group) for group in groups]
        self.state = {}

    def params(self):
        return itertools.chain.from_iterable(group["params"] for group in self.param_groups)

    def zero_grad(self):
        for p in self.params():
            p.grad = None

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    self.update(p, group, self.state.setdefault(p, {}))  # L

    @abstractmethod
    def update(self, p, group, state):
        ...
