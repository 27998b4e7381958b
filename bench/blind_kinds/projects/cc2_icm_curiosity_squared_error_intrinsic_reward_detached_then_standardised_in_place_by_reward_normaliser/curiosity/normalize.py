import torch


class RunningRewardNormalizer:
    """Scales intrinsic rewards by a running estimate of their standard deviation (RND/ICM
    practice), so the bonus keeps a stable magnitude as the forward model improves."""

    def __init__(self, eps=1e-8, clip=5.0):
        self.mean, self.var, self.count = 0.0, 1.0, eps
        self.eps, self.clip = eps, clip

    def update(self, x):
        batch_mean, batch_var, n = x.mean().item(), x.var(unbiased=False).item(), x.numel()
        delta, total = batch_mean - self.mean, self.count + n
        self.mean += delta * n / total
        self.var = (self.var * self.count + batch_var * n + delta ** 2 * self.count * n / total) / total
        self.count = total

    def normalize_(self, rewards):
        self.update(rewards)
        return rewards.div_(self.var ** 0.5 + self.eps).clamp_(max=self.clip)  # L
