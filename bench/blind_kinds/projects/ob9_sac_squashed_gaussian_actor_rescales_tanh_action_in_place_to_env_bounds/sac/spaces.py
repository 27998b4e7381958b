import torch


class BoxRescaler:
    """Maps actions between the policy's [-1, 1] box and the environment's [low, high] box."""

    def __init__(self, low, high):
        low, high = torch.as_tensor(low, dtype=torch.float32), torch.as_tensor(high, dtype=torch.float32)
        self.scale = (high - low) / 2.0
        self.bias = (high + low) / 2.0

    def to_env_(self, a):
        return a.mul_(self.scale).add_(self.bias)  # L

    def to_policy(self, a):
        return (a - self.bias) / self.scale

    def log_det(self):
        return torch.log(self.scale).sum()
