"""Train a RevIN linear forecaster on a synthetic multivariate series."""
import torch

from tsf import build, dual_scale_loss

CFG = {"model": "nlinear", "channels": 3, "lookback": 12, "horizon": 4, "lr": 1e-3, "steps": 3, "batch": 5}


def windows(series, lookback, horizon, batch):
    starts = torch.randint(0, series.shape[0] - lookback - horizon, (batch,))
    x = torch.stack([series[s:s + lookback] for s in starts])
    y = torch.stack([series[s + lookback:s + lookback + horizon] for s in starts])
    return x, y


def main():
    torch.manual_seed(0)
    t = torch.arange(200, dtype=torch.float32)[:, None]
    series = torch.sin(t / torch.tensor([5.0, 9.0, 13.0])) * 10 + 50 + torch.randn(200, 3)
    model = build(CFG)
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    for step in range(CFG["steps"]):
        x, y = windows(series, CFG["lookback"], CFG["horizon"], CFG["batch"])
        loss = dual_scale_loss(model, model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))
    model.eval()
    with torch.no_grad():
        x, _ = windows(series, CFG["lookback"], CFG["horizon"], 1)
        print("forecast", model.revin.denormalize_(model(x)).shape)


if __name__ == "__main__":
    main()
