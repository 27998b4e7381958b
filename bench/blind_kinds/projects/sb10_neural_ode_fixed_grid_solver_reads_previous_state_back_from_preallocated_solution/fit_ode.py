"""Fit a neural ODE to a damped spiral sampled on a fixed grid."""
import torch

from odeint import ODEFunc, odeint

CFG = {"method": "rk4", "n_points": 6, "t_max": 1.5, "lr": 1e-2, "iters": 3}


def spiral(t):
    A = torch.tensor([[-0.1, 2.0], [-2.0, -0.1]])
    y0 = torch.tensor([2.0, 0.0])
    return torch.stack([torch.linalg.matrix_exp(A * ti) @ y0 for ti in t])


def main(cfg=CFG):
    torch.manual_seed(0)
    t = torch.linspace(0.0, cfg["t_max"], cfg["n_points"])
    target = spiral(t)
    func = ODEFunc()
    opt = torch.optim.Adam(func.parameters(), lr=cfg["lr"])
    for _ in range(cfg["iters"]):
        pred = odeint(func, target[0], t, method=cfg["method"])  # L
        loss = (pred - target).abs().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("loss", round(loss.item(), 4), "nfe", func.nfe)


if __name__ == "__main__":
    main()
