from dataclasses import dataclass, field

PAD, BOS, EOS = 0, 1, 2


@dataclass
class SearchConfig:
    beam: int = 5
    max_len: int = 50


@dataclass
class MRTConfig:
    vocab: int = 32000
    hidden: int = 512
    lr: float = 1e-3
    steps: int = 1000
    alpha: float = 0.005
    nll_weight: float = 0.3
    search: SearchConfig = field(default_factory=SearchConfig)
