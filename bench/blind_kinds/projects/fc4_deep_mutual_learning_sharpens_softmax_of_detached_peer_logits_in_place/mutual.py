"""Deep mutual learning (Zhang et al.) of three small peers built by name from a config."""
import torch

from dml import build_peers, mutual_loss

CONFIG = {"peers": ["mlp", "wide", "deep"], "T": 0.5, "lr": 0.05, "steps": 3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    peers = build_peers(cfg["peers"], 6, 4)
    opt = torch.optim.SGD(peers.parameters(), lr=cfg["lr"])
    for _ in range(cfg["steps"]):
        x, y = torch.randn(5, 6), torch.randint(0, 4, (5,))
        loss = mutual_loss([peer(x) for peer in peers], y, T=cfg["T"])
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(float(loss))


if __name__ == "__main__":
    main()
