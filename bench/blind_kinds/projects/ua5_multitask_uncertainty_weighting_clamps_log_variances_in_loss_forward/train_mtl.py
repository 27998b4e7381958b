import torch

from mtl import MTLConfig, SharedTrunkNet, UncertaintyWeighting


def main():
    cfg = MTLConfig()
    torch.manual_seed(0)
    model = SharedTrunkNet(cfg.in_dim, cfg.hidden, cfg.tasks)
    weighting = UncertaintyWeighting(cfg.tasks, cfg.log_var_bounds)
    opt = torch.optim.Adam(list(model.parameters()) + list(weighting.parameters()), lr=cfg.lr)
    for step in range(cfg.steps):
        x = torch.randn(8, cfg.in_dim)
        targets = {"depth": torch.rand(8), "seg": torch.randint(0, 3, (8,))}
        loss = weighting(model(x), targets)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item(), weighting.log_vars.tolist())


if __name__ == "__main__":
    main()
