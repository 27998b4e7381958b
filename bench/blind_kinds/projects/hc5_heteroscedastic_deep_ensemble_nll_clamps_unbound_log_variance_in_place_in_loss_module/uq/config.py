from dataclasses import dataclass


@dataclass
class EnsembleConfig:
    members: int = 5
    in_dim: int = 1
    hidden: int = 32
    min_log_var: float = -6.0
    max_log_var: float = 4.0
    lr: float = 1e-2
    steps: int = 3
