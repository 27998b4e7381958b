from dataclasses import dataclass

import torch


@dataclass
class ParticleState:
    pos: torch.Tensor  # (n, dim)
    vel: torch.Tensor
    mass: float = 1.0

    def clone(self):
        return ParticleState(self.pos.clone(), self.vel.clone(), self.mass)
