import torch

from fedlearn import Server, build_aggregator, build_model

CONFIG = {
    "model": {"d_in": 6, "hidden": 16, "classes": 3},
    "clients": 4,
    "per_round": 2,
    "rounds": 3,
    "local_epochs": 1,
    "lr": 0.1,
    "aggregator": {"name": "fedavg", "server_lr": 1.0, "inplace": False},  # L
}


def client_datasets(n_clients, d_in, classes):
    g = torch.Generator().manual_seed(1)
    w = torch.randn(d_in, classes, generator=g)
    datasets = []
    for c in range(n_clients):
        x = torch.randn(16, d_in, generator=g) + 0.5 * c  # each client's features drift a little
        datasets.append((x, (x @ w).argmax(-1)))
    return datasets


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_model(**cfg["model"])
    clients = client_datasets(cfg["clients"], cfg["model"]["d_in"], cfg["model"]["classes"])
    server = Server(model, build_aggregator(cfg["aggregator"]), clients,
                    cfg["per_round"], cfg["local_epochs"], cfg["lr"])
    for rnd in range(cfg["rounds"]):
        server.round(rnd)  # L
        print(rnd, server.evaluate(clients[0]))


if __name__ == "__main__":
    main()
