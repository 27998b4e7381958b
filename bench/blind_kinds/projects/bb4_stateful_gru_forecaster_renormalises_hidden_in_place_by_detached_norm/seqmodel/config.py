from dataclasses import dataclass


@dataclass
class ForecastConfig:
    n_features: int = 3
    hidden: int = 8
    state_radius: float = 2.0  # 0 turns the state renormalisation off
    window: int = 6
    lr: float = 3e-3
    epochs: int = 2
