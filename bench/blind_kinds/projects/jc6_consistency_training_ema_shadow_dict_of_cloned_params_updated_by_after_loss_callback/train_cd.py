import torch

from cm import EMA, EMACallback, ConsistencyTrainer
from cm.trainer import Denoiser


def main(steps=3):
    torch.manual_seed(0)
    model = Denoiser()
    ema = EMA(model, decay=0.95)
    trainer = ConsistencyTrainer(model, ema, [EMACallback(ema)])
    for step in range(steps):
        print(step, round(trainer.step(torch.randn(8, 4)), 4))


if __name__ == "__main__":
    main()
