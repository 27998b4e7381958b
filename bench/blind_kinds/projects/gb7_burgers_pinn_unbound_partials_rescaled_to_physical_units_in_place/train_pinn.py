import torch

from pinn import PINN, sample_collocation, train

CONFIG = {
    "pde": "burgers",
    "nu": 0.01 / 3.141592653589793,
    "domain": {"x": (-1.0, 1.0), "t": (0.0, 1.0)},
    "width": 20,
    "depth": 3,
    "n_collocation": 64,
    "n_boundary": 16,
    "steps": 3,
    "lr": 1e-3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = PINN(cfg["domain"], cfg["width"], cfg["depth"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        points = sample_collocation(cfg)
        loss = train(model, opt, points, cfg)
        print(step, loss)


if __name__ == "__main__":
    main()
