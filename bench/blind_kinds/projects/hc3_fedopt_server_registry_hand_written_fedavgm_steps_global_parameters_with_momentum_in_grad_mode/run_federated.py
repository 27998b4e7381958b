import torch
import torch.nn as nn

from fedsim import Client, Server

CONFIG = {"clients": 4, "rounds": 2, "server_opt": "fedavgm", "server_kwargs": {"lr": 1.0, "momentum": 0.9}}


def make_clients(n):
    clients = []
    for k in range(n):
        x = torch.randn(12, 6) + k * 0.2           # non-iid: each client's inputs shifted
        clients.append(Client(x, (x.sum(1) > k * 0.5).long()))
    return clients


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 2))
    server = Server(model, cfg["server_opt"], **cfg["server_kwargs"])
    clients = make_clients(cfg["clients"])
    for r in range(cfg["rounds"]):
        delta = server.round(clients)  # L
        print(r, sum(d.norm() for d in delta).item())


if __name__ == "__main__":
    main()
