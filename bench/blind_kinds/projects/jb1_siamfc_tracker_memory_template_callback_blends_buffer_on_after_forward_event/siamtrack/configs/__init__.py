from dataclasses import dataclass, field


@dataclass
class ModelConfig:
    channels: int = 8
    exemplar_size: int = 11
    search_size: int = 19
    memory_weight: float = 0.5


@dataclass
class TrainConfig:
    model: ModelConfig = field(default_factory=ModelConfig)
    steps: int = 3
    batch_size: int = 4
    lr: float = 1e-2
    seed: int = 0
    # when the long-term template memory absorbs the batch's exemplar features:
    # "after_forward" (as soon as they exist) or "after_step"
    template_update: str = "after_step"
    template_rate: float = 0.1
