"""Lookahead (Zhang et al. 2019): k fast steps of the inner optimizer, then the slow weights move
alpha of the way to the fast ones and the fast weights restart from them."""


class Lookahead:
    def __init__(self, inner, k=2, alpha=0.5):
        self.inner, self.k, self.alpha = inner, k, alpha
        self.counter = 0
        self.slow = [[p.detach().clone() for p in g["params"]] for g in inner.param_groups]

    def zero_grad(self):
        self.inner.zero_grad()

    def step(self):
        self.inner.step()
        self.counter += 1
        if self.counter % self.k:
            return
        for group, slows in zip(self.inner.param_groups, self.slow):
            for fast, slow in zip(group["params"], slows):
                slow.add_(fast.detach() - slow, alpha=self.alpha)
                fast.copy_(slow)  # L
