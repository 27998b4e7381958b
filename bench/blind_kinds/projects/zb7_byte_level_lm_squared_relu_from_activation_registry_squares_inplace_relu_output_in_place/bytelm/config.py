from dataclasses import dataclass


@dataclass
class ByteLMConfig:
    d_model: int = 16
    n_layers: int = 2
    n_heads: int = 2
    ffn_mult: int = 4
    activation: str = "relu2"
    max_len: int = 32
