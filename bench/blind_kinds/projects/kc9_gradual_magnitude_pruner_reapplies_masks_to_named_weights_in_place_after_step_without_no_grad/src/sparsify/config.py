from dataclasses import dataclass


@dataclass(frozen=True)
class PruneConfig:
    targets: tuple = ("fc",)
    initial_sparsity: float = 0.0
    final_sparsity: float = 0.5
    steps: int = 10
    begin: int = 0
