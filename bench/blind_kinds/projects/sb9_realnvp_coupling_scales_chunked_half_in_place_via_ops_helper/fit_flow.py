"""Fit a RealNVP density to two moons (maximum likelihood)."""
import torch

from flows import RealNVP


def two_moons(n, g):
    t = torch.rand(n, generator=g) * torch.pi
    upper = torch.rand(n, generator=g) > 0.5
    x = torch.where(upper, torch.cos(t), 1 - torch.cos(t))
    y = torch.where(upper, torch.sin(t), 0.5 - torch.sin(t))
    pts = torch.stack([x, y], dim=-1) + 0.05 * torch.randn(n, 2, generator=g)
    return torch.cat([pts, torch.randn(n, 2, generator=g)], dim=-1)


def main():
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    flow = RealNVP(dim=4)
    opt = torch.optim.Adam(flow.parameters(), lr=1e-3)
    for _ in range(3):
        loss = -flow.log_prob(two_moons(32, g)).mean()  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("nll", round(loss.item(), 4))


if __name__ == "__main__":
    main()
