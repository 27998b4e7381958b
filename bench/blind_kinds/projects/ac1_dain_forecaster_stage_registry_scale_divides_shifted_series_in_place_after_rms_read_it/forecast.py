import torch
import torch.nn.functional as F

from tsf import build_forecaster

CONFIG = {
    "channels": 3,
    "window": 24,
    "horizon": 6,
    "hidden": 16,
    "stages": ["shift_", "scale_", "gate_"],  # L
    "lr": 1e-3,
    "epochs": 2,
}


def windows(series, window, horizon):
    idx = torch.arange(series.size(1) - window - horizon)
    past = torch.stack([series[:, i : i + window] for i in idx])
    future = torch.stack([series[0, i + window : i + window + horizon] for i in idx])
    return past, future


def main():
    torch.manual_seed(0)
    t = torch.arange(200.0)
    series = torch.stack([torch.sin(t / 7) * 50 + 100, torch.cos(t / 5) * 3, t / 10]) + torch.randn(3, 200)
    past, future = windows(series, CONFIG["window"], CONFIG["horizon"])
    model = build_forecaster(CONFIG)
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    for epoch in range(CONFIG["epochs"]):
        perm = torch.randperm(past.size(0))
        for rows in perm.split(64):
            loss = F.mse_loss(model(past[rows]), future[rows])  # L
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
