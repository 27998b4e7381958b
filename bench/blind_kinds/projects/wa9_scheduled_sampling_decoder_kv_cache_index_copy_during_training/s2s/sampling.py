import torch


class ScheduledSampler:
    """Bengio et al. (2015): feed the model's own prediction with probability eps."""

    def __init__(self, eps_start=0.0, eps_end=0.5, steps=10):
        self.eps_start, self.eps_end, self.steps, self.t = eps_start, eps_end, steps, 0

    @property
    def eps(self):
        return self.eps_start + (self.eps_end - self.eps_start) * min(self.t / self.steps, 1.0)

    def next_input(self, logits, gold):
        use_model = torch.rand(gold.shape[0]) < self.eps
        return torch.where(use_model, logits.argmax(-1), gold)

    def tick(self):
        self.t += 1
