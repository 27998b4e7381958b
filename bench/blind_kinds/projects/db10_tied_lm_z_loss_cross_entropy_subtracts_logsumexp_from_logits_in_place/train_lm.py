import torch

from lm import Trainer, TiedLM

CONFIG = {"vocab": 20, "dim": 8, "loss": "ce_z", "loss_kw": {"z_weight": 1e-4}, "lr": 1e-3, "steps": 2}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    trainer = Trainer(TiedLM(cfg["vocab"], cfg["dim"]), cfg["loss"], cfg["lr"], **cfg["loss_kw"])
    for step in range(cfg["steps"]):
        tokens = torch.randint(0, cfg["vocab"], (3, 9))
        print(step, round(trainer.step(tokens), 4))  # L


if __name__ == "__main__":
    main()
