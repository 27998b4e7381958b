import torch

from ebm import CDTrainer, EnergyMLP

CONFIG = {"sampler": {"rule": "sgld", "n_steps": 5, "step_size": 0.1, "noise": 0.01}, "steps": 3}


def two_moons(n):
    t = torch.rand(n) * 3.1416
    upper = torch.rand(n) < 0.5
    x = torch.where(upper, t.cos(), 1 - t.cos())
    y = torch.where(upper, t.sin(), 0.5 - t.sin())
    return torch.stack([x, y], 1) + 0.05 * torch.randn(n, 2)


def main(cfg=CONFIG):
    torch.manual_seed(0)
    trainer = CDTrainer(EnergyMLP(), sampler=cfg["sampler"])
    for step in range(cfg["steps"]):
        loss = trainer.step(two_moons(16))  # L
        print(step, loss.item())


if __name__ == "__main__":
    main()
