"""Dropout applied inside a recurrent step loop."""
import torch


class VariationalDropout:
    """Gal & Ghahramani's dropout for RNN inputs: one mask per sequence, reused at every step."""

    def __init__(self, p=0.25, inplace=False):
        self.p, self.inplace = p, inplace
        self.mask = None
        self.training = True

    def reset(self, batch, dim):
        keep = 1.0 - self.p
        self.mask = torch.bernoulli(torch.full((batch, dim), keep)) / keep

    def __call__(self, x_t):
        if not self.training or self.p == 0.0:
            return x_t
        if self.inplace:
            return x_t.mul_(self.mask)  # L
        return x_t * self.mask


class StepDropout(VariationalDropout):
    """Standard dropout: a fresh mask at every step."""

    def __call__(self, x_t):
        self.reset(*x_t.shape)
        return super().__call__(x_t)


KINDS = {"variational": VariationalDropout, "standard": StepDropout}


def build_step_dropout(cfg):
    cfg = dict(cfg)
    return KINDS[cfg.pop("kind")](**cfg)
