from dataclasses import dataclass


@dataclass
class ExperimentConfig:
    arch: str = "small_convnet"
    widths: tuple = (8, 16)
    num_classes: int = 4
    init: str = "default"  # "default" or "lsuv" (Mishkin & Matas, 2016)
    lsuv_tol: float = 0.05
    lsuv_max_iter: int = 5
    lr: float = 0.05
    steps: int = 3
    batch_size: int = 8
    seed: int = 0
