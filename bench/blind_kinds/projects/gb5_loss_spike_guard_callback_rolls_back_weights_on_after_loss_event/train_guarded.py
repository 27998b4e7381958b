import torch

from trainer import LossSpikeGuard, Trainer, build_regressor

CONFIG = {
    "in_dim": 6,
    "hidden": 16,
    "lr": 1e-2,
    "steps": 5,
    "spike_step": 3,
    "guard": {"event": "after_loss", "factor": 3.0, "momentum": 0.5},  # L
}


def batches(cfg):
    g = torch.Generator().manual_seed(1)
    w = torch.randn(cfg["in_dim"], 1, generator=g)
    for step in range(cfg["steps"]):
        x = torch.randn(16, cfg["in_dim"], generator=g)
        y = x @ w
        if step == cfg["spike_step"]:
            y = y * 50.0  # a corrupted shard
        yield x, y


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_regressor(cfg["in_dim"], cfg["hidden"])
    trainer = Trainer(model, torch.optim.Adam(model.parameters(), lr=cfg["lr"]))
    guard_cfg = dict(cfg["guard"])
    trainer.add_callback(guard_cfg.pop("event"), LossSpikeGuard(model, **guard_cfg))
    trainer.fit(batches(cfg))


if __name__ == "__main__":
    main()
