"""Train DeepAR on synthetic daily demand counts."""
import torch

from deepar import DeepAR

CONFIG = {
    "hidden": 12,
    "likelihood": {"name": "poisson", "rate_link": "exp"},
    "lr": 1e-2,
    "steps": 3,
}


def synthetic_counts(n_series=6, length=14, n_cov=2):
    g = torch.Generator().manual_seed(0)
    t = torch.arange(length, dtype=torch.float32)
    level = torch.randint(2, 30, (n_series, 1), generator=g).float()
    weekly = 1.0 + 0.5 * torch.sin(2 * torch.pi * t / 7)
    series = torch.poisson(level * weekly, generator=g)
    covariates = torch.stack([torch.sin(2 * torch.pi * t / 7), t / length], dim=-1).expand(n_series, -1, -1)
    return series, covariates


def main(cfg=CONFIG):
    torch.manual_seed(0)
    series, covariates = synthetic_counts()
    model = DeepAR(covariates.shape[-1], cfg["hidden"], cfg["likelihood"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for _ in range(cfg["steps"]):
        loss = model.loss(series, covariates)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("nll", round(loss.item(), 4))


if __name__ == "__main__":
    main()
