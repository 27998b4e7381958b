from dataclasses import dataclass


@dataclass
class TrainConfig:
    z_dim: int = 4
    data_dim: int = 6
    lr_g: float = 1e-3
    lr_d: float = 4e-4
    # update the generator before the discriminator on each batch (as in some TTUR recipes)
    g_first: bool = False
