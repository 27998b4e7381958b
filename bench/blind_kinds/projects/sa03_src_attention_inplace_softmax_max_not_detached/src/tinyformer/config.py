from dataclasses import dataclass


@dataclass(frozen=True)
class EncoderConfig:
    vocab: int = 11
    dim: int = 8
    heads: int = 2
    layers: int = 2
    max_len: int = 6
    n_classes: int = 3
