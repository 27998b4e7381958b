"""Fit an input-convex network to a convex target (a smoothed max of quadratics)."""
import torch

import icnn.build as B

SETTINGS = dict(x_dim=2, widths=(8, 8, 8), convex=True)


def target(x):
    return torch.logsumexp(torch.stack([(x - 0.5).pow(2).sum(1), (x + 0.5).pow(2).sum(1)]), 0)


def main(settings=SETTINGS):
    torch.manual_seed(0)
    model = B.build_icnn(**settings)  # L
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for step in range(4):
        x = torch.randn(16, settings["x_dim"])
        loss = (model(x) - target(x)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("loss", round(loss.item(), 4))


if __name__ == "__main__":
    main()
