import torch
import torch.nn as nn

from amp import DynamicLossScaler
from engine import AccumulatingTrainer

CONFIG = {
    "model": {"d_in": 6, "hidden": 16, "n_classes": 3},
    "scaler": {"init_scale": 256.0, "growth_interval": 2},
    "scaler_update_on": "micro_step",
    "accum_steps": 4,
    "lr": 1e-3,
}


def build_model(d_in, hidden, n_classes):
    return nn.Sequential(nn.Linear(d_in, hidden), nn.GELU(), nn.Linear(hidden, n_classes))


def batches(n, d_in, bs=4):
    g = torch.Generator().manual_seed(1)
    return [(torch.randn(bs, d_in, generator=g), torch.randint(0, 3, (bs,), generator=g)) for _ in range(n)]


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_model(**cfg["model"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    scaler = DynamicLossScaler(**cfg["scaler"])
    trainer = AccumulatingTrainer(model, opt, nn.CrossEntropyLoss(), scaler, accum_steps=cfg["accum_steps"])
    trainer.on(cfg["scaler_update_on"], scaler)  # L
    trainer.fit(batches(8, cfg["model"]["d_in"]), epochs=1)  # L
    print("scale", scaler.scale_value, "skipped", trainer.skipped)


if __name__ == "__main__":
    main()
