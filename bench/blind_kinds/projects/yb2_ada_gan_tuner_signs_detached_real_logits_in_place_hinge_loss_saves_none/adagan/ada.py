"""Adaptive discriminator augmentation (Karras et al. 2020): the augmentation probability p follows
the overfitting heuristic r_t = E[sign(D(real))], driven toward a target."""
import torch


class AdaTuner:
    def __init__(self, target=0.6, speed=0.05, interval=1):
        self.p = 0.0
        self.target, self.speed, self.interval = target, speed, interval
        self.signs, self.count = 0.0, 0

    def augment(self, x):
        if self.p <= 0:
            return x
        flip = torch.rand(x.shape[0], 1, 1, 1) < self.p
        shift = torch.rand(x.shape[0], 1, 1, 1) < self.p
        x = torch.where(flip, x.flip(3), x)
        return torch.where(shift, x.roll(1, dims=2), x)

    def update(self, real_logits):
        # no new allocation: the signs are taken in place on a detached alias of the logits
        self.signs += real_logits.detach().sign_().sum().item()  # L
        self.count += real_logits.numel()
        if self.count >= self.interval:
            r_t = self.signs / self.count
            self.p = min(max(self.p + self.speed * (1 if r_t > self.target else -1), 0.0), 1.0)
            self.signs, self.count = 0.0, 0
