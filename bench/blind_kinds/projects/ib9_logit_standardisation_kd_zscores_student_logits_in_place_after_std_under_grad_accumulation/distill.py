from dataclasses import dataclass

import torch

from lskd import Distiller, LogitStandardKD, build_model


@dataclass
class KDConfig:
    teacher: str = "wide"
    student: str = "small"
    temperature: float = 2.0
    alpha: float = 0.9
    lr: float = 0.05
    accum_steps: int = 2
    micro_batch: int = 8
    epochs: int = 2


def main(cfg=KDConfig()):
    torch.manual_seed(0)
    teacher = build_model(cfg.teacher, d_in=10, n_classes=5)
    student = build_model(cfg.student, d_in=10, n_classes=5)
    distiller = Distiller(teacher, student, LogitStandardKD(cfg.temperature, cfg.alpha), cfg)
    data = [(torch.randn(cfg.micro_batch, 10), torch.randint(0, 5, (cfg.micro_batch,))) for _ in range(4)]
    for epoch in range(cfg.epochs):
        print(epoch, distiller.fit(data))  # L


if __name__ == "__main__":
    main()
