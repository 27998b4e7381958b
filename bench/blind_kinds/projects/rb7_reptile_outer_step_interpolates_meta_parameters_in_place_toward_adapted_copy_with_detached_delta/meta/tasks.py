import math

import torch


class SinusoidTasks:
    """The sine-regression benchmark of MAML and Reptile: amplitude and phase vary per task."""

    def __init__(self, shots=5, seed=0):
        self.shots = shots
        self.gen = torch.Generator().manual_seed(seed)

    def sample(self):
        amp = 0.1 + 4.9 * torch.rand((), generator=self.gen)
        phase = math.pi * torch.rand((), generator=self.gen)
        x = 10 * torch.rand(self.shots, 1, generator=self.gen) - 5
        return x, amp * torch.sin(x + phase)
