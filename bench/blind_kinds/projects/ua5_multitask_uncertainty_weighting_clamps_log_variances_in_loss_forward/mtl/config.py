from dataclasses import dataclass, field


@dataclass
class MTLConfig:
    in_dim: int = 6
    hidden: int = 12
    tasks: dict = field(default_factory=lambda: {"depth": 1, "seg": 3})
    log_var_bounds: tuple = (-4.0, 4.0)
    lr: float = 1e-2
    steps: int = 2
