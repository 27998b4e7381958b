import torch

from probreg import build_regressor, losses

CONFIG = {
    "model": {"d_in": 4, "hidden": (16, 16), "head": {"scale_fn": "softplus", "min_scale": 1e-2}},
    "lr": 5e-3,
    "steps": 4,
}


def toy_batch(n=8, d_in=4):
    x = torch.randn(n, d_in)
    noise = 0.1 + 0.5 * x[:, :1].abs()  # heteroscedastic
    y = x.sum(1, keepdim=True) + noise * torch.randn(n, 1)
    return x, y


def main(config=CONFIG):
    torch.manual_seed(0)
    model = build_regressor(**config["model"])
    opt = torch.optim.Adam(model.parameters(), lr=config["lr"])
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    for step in range(config["steps"]):
        x, y = toy_batch(d_in=config["model"]["d_in"])
        mu, scale = model(x)  # L
        loss = losses.gaussian_nll(mu, scale, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    with torch.no_grad():
        mu, scale = model(x)
        print("nll", round(loss.item(), 4), "calib", round(losses.calibration_error(mu, scale, y).item(), 3))


if __name__ == "__main__":
    main()
