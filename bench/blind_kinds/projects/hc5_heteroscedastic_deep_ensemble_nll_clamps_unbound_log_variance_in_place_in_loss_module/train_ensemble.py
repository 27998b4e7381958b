import torch

from uq import DeepEnsemble, EnsembleConfig, gaussian_nll


def toy_regression(n=64):
    x = torch.rand(n, 1) * 6 - 3
    y = torch.sin(x) + 0.1 * (1 + x.abs()) * torch.randn(n, 1)
    return x, y


def main(cfg=EnsembleConfig()):
    torch.manual_seed(0)
    model = DeepEnsemble(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    x, y = toy_regression()
    for step in range(cfg.steps):
        mean, log_var = model(x)
        loss = gaussian_nll(mean, log_var, y, cfg)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        with torch.no_grad():
            mu, var = model.predictive(*model(x))
        print(step, loss.item(), var.mean().item())


if __name__ == "__main__":
    main()
