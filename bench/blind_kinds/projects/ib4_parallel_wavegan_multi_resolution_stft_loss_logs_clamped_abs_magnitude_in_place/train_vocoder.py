from dataclasses import dataclass, field

import torch

from pwg import TinyGenerator, Trainer


@dataclass
class STFTConfig:
    resolutions: tuple = ((64, 16, 32), (32, 8, 16), (128, 32, 64))
    magnitude: str = "abs"  # L


@dataclass
class TrainConfig:
    stft: STFTConfig = field(default_factory=STFTConfig)
    lr: float = 1e-4
    grad_norm: float = 10.0
    amp: bool = True
    amp_dtype: str = "bfloat16"
    steps: int = 2


def main(cfg=TrainConfig()):
    torch.manual_seed(0)
    trainer = Trainer(TinyGenerator(), cfg)
    for step in range(cfg.steps):
        mel = torch.randn(2, 8, 16)
        audio = 0.5 * torch.sin(torch.linspace(0, 60, 256)).expand(2, 256) + 0.05 * torch.randn(2, 256)
        print(step, trainer.train_step(mel, audio))  # L


if __name__ == "__main__":
    main()
