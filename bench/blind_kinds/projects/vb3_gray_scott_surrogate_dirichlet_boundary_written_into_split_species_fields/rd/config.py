from dataclasses import dataclass


@dataclass
class TrainConfig:
    grid: int = 8
    feed: float = 0.037
    kill: float = 0.06
    du: float = 0.16
    dv: float = 0.08
    dt: float = 1.0
    boundary: str = "dirichlet"
    boundary_values: tuple = (1.0, 0.0)
    rollout: int = 2
    epochs: int = 3
    lr: float = 1e-3
