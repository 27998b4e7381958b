from dataclasses import dataclass


@dataclass
class GPTConfig:
    vocab_size: int = 256
    block_size: int = 64
    d_model: int = 64
    n_heads: int = 4
    n_layers: int = 4
    dropout: float = 0.0
    attention: str = "vanilla"  # or "learned_bias": a learned [block, block] additive bias per head
