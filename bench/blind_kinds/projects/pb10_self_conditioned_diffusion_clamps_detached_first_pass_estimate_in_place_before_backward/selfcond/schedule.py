from dataclasses import dataclass, field

import torch


@dataclass
class Schedule:
    timesteps: int = 50
    abar: torch.Tensor = field(init=False)

    def __post_init__(self):
        t = torch.linspace(0, 1, self.timesteps + 1)[1:]
        self.abar = torch.cos(t * torch.pi / 2).pow(2).clamp(min=1e-4)

    def noise(self, x0, generator=None):
        t = torch.randint(0, self.timesteps, (x0.shape[0],), generator=generator)
        a = self.abar[t][:, None]
        eps = torch.randn(x0.shape, generator=generator)
        return a.sqrt() * x0 + (1 - a).sqrt() * eps, t
