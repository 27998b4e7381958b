import torch

from operators import MultiOutputDeepONet

# learn G: u -> (int_0^y u, u(y)) for u(x) = cos(k x): two outputs from one operator network
CONFIG = {"m": 16, "p": 12, "n_out": 2, "width": 32, "act": "tanh", "steps": 3, "lr": 1e-3}


def batch(cfg, B=8, N=10):
    xs = torch.linspace(0, 1, cfg["m"])
    k = torch.rand(B, 1) * 3 + 0.5
    y = torch.rand(N, 1)
    target = torch.stack([torch.sin(k * y.T) / k, torch.cos(k * y.T)], -1)
    return torch.cos(k * xs), y, target


def main(cfg=CONFIG):
    torch.manual_seed(0)
    net = MultiOutputDeepONet(cfg)
    opt = torch.optim.Adam(net.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        u, y, target = batch(cfg)
        loss = ((net(u, y) - target) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
