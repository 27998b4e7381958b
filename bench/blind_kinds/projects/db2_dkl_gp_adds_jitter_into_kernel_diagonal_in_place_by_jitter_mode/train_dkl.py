import torch

from dkl import DKLRegressor

CONFIG = {
    "model": {"d_in": 3, "d_feat": 2, "jitter": 1e-4, "jitter_mode": "kernel_diag"},
    "lr": 0.01,
    "steps": 3,
}


def toy_data(n=12, d_in=3):
    g = torch.Generator().manual_seed(0)
    x = torch.rand(n, d_in, generator=g) * 4 - 2
    y = torch.sin(x.sum(-1)) + 0.1 * torch.randn(n, generator=g)
    return x, y


def main(cfg=CONFIG):
    torch.manual_seed(0)
    x, y = toy_data(d_in=cfg["model"]["d_in"])
    model = DKLRegressor(**cfg["model"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        loss = model.neg_mll(x, y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
