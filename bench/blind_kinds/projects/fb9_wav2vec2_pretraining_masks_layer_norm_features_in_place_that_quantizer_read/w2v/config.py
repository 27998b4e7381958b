from dataclasses import dataclass


@dataclass
class W2VConfig:
    conv_dim: int = 512
    encoder_dim: int = 768
    codebook_size: int = 320
    mask_prob: float = 0.5
    mask_length: int = 2
    num_negatives: int = 3
    temperature: float = 0.1
    diversity_weight: float = 0.1
    lr: float = 5e-4
    steps: int = 400000
