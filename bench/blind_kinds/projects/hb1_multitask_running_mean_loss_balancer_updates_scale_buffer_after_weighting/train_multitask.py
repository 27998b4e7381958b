import torch

from mtl import MultiTaskLoss, MultiTaskNet, build_balancer

CONFIG = {
    "d_in": 10,
    "hidden": 32,
    "heads": {"depth": 1, "segment": 4},
    "balancer": {"type": "running_mean", "beta": 0.9, "update": "after_weighting"},  # L
    "lr": 1e-3,
    "steps": 4,
}


def fake_batch(n, d_in):
    x = torch.randn(n, d_in)
    return x, {"depth": 5.0 * x[:, :1] ** 2, "segment": torch.randint(0, 4, (n,))}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = MultiTaskNet(cfg["d_in"], cfg["hidden"], cfg["heads"])
    criterion = MultiTaskLoss(build_balancer(cfg["balancer"], list(cfg["heads"])))
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        x, targets = fake_batch(16, cfg["d_in"])
        loss = criterion(model(x), targets)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item(), criterion.last)


if __name__ == "__main__":
    main()
