import torch

from flows import build_flow

CONFIG = {"dim": 8, "n_couplings": 2, "lr": 1e-3, "steps": 3, "batch": 16}


def sample_data(n, dim):
    base = torch.randn(n, dim // 2)
    return torch.cat([base, base.pow(2) + 0.1 * torch.randn(n, dim - dim // 2)], dim=-1)


def main(cfg=CONFIG):
    torch.manual_seed(0)
    flow = build_flow(cfg)
    opt = torch.optim.Adam(flow.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        x = sample_data(cfg["batch"], cfg["dim"])
        nll = -flow.log_prob(x).mean()  # L
        opt.zero_grad()
        nll.backward()
        opt.step()
        print(step, nll.item())


if __name__ == "__main__":
    main()
