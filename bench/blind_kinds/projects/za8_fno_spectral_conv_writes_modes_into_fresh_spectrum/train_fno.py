import torch
import torch.nn.functional as F

from fno import FNO1d

CONFIG = {
    "model": {"modes": 4, "width": 8, "depth": 2, "reuse_spectrum": False},
    "n_points": 16,
    "lr": 1e-3,
    "steps": 2,
}


def burgers_like_batch(n, b=4):
    grid = torch.linspace(0, 1, n).expand(b, n)
    u0 = torch.sin(2 * torch.pi * grid * torch.randint(1, 4, (b, 1)))
    return u0, grid, torch.roll(u0, shifts=1, dims=-1)


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = FNO1d(**cfg["model"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        u0, grid, target = burgers_like_batch(cfg["n_points"])
        loss = F.mse_loss(model(u0, grid), target)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
