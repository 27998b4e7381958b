from dataclasses import dataclass


@dataclass
class TrainConfig:
    optimizer: str = "adam"
    lr: float = 1e-2
    lookahead_k: int = 0
    lookahead_alpha: float = 0.5
    epochs: int = 2
