from dataclasses import dataclass, field


@dataclass
class LossWeights:
    content: float = 1.0
    style: float = 1e5
    tv: float = 0.0
    pixel: float = 0.0


@dataclass
class StyleConfig:
    image_size: int = 256
    batch_size: int = 4
    steps: int = 1000
    lr: float = 1e-3
    channels: tuple = (8, 16)
    weights: LossWeights = field(default_factory=LossWeights)
