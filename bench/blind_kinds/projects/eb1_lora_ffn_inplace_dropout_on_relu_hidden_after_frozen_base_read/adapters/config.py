from dataclasses import dataclass, field


@dataclass
class LoraConfig:
    rank: int = 2
    alpha: float = 8.0
    dropout: float = 0.1
    # saves one activation-sized buffer per adapted layer
    dropout_inplace: bool = True  # L
    targets: tuple = field(default_factory=lambda: ("fc1", "fc2"))

    @property
    def scaling(self):
        return self.alpha / self.rank
