from dataclasses import dataclass


@dataclass
class EncoderConfig:
    d_in: int = 5
    width: int = 8
    depth: int = 3
    grad_checkpointing: bool = False
