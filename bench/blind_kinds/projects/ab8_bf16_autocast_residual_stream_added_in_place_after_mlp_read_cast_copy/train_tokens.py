import torch

from mixer import TokenMLP, TrainConfig, Trainer

CFG = TrainConfig(precision="bf16")


def main(cfg=CFG, steps=3):
    torch.manual_seed(0)
    model = TokenMLP()
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr)
    trainer = Trainer(model, opt, cfg)
    for step in range(steps):
        x, y = torch.randn(4, 5, 6), torch.randint(0, 3, (4,))
        print(step, round(trainer.step(x, y), 4))  # L


if __name__ == "__main__":
    main()
