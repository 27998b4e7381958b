import torch

from regress import EnergyMLP, PredictionLogger, Trainer

CONFIG = {
    "target_mean": 420.0,
    "target_std": 85.0,
    "log_on": "after_loss",  # L
    "lr": 1e-3,
    "epochs": 2,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = EnergyMLP()
    trainer = Trainer(model, torch.optim.Adam(model.parameters(), lr=cfg["lr"]))
    logger = PredictionLogger(cfg["target_mean"], cfg["target_std"])
    trainer.add_hook(cfg["log_on"], logger)
    x, y = torch.randn(32, 6), torch.randn(32, 1)
    for epoch in range(cfg["epochs"]):
        for xb, yb in zip(x.split(8), y.split(8)):
            trainer.step(xb, yb)  # L
        print(epoch, logger.history[-1])


if __name__ == "__main__":
    main()
