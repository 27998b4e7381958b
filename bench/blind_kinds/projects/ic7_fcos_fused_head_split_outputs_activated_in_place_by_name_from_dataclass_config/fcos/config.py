from dataclasses import dataclass, field


@dataclass
class HeadConfig:
    channels: int = 8
    n_cls: int = 3
    # activation applied to each output of the fused conv, by torch method name
    acts: dict = field(default_factory=lambda: {"box": "relu", "ctr": "sigmoid"})
