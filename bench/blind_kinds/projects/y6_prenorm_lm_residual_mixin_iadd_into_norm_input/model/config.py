from dataclasses import dataclass


@dataclass
class ModelConfig:
    vocab: int = 11
    dim: int = 8
    heads: int = 2
    depth: int = 2
    norm: str = "rms"
    eps: float = 1e-6
