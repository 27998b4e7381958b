import torch

from splitfed import Client, Server, fedavg_clients

CFG = {"clients": 2, "rounds": 2, "defence": "laplace", "batch": 4}


def client_data(seed, n_batches=2, batch=4):
    g = torch.Generator().manual_seed(seed)
    return [(torch.randn(batch, 1, 6, 6, generator=g), torch.randint(0, 3, (batch,), generator=g))
            for _ in range(n_batches)]


def main(cfg=CFG):
    torch.manual_seed(0)
    server = Server()
    clients = [Client(client_data(i, batch=cfg["batch"]), defence=cfg["defence"]) for i in range(cfg["clients"])]
    for r in range(cfg["rounds"]):
        for client in clients:
            for x, y in client.data:
                smashed = client.send(x)  # L
                grad, loss = server.train_on(smashed, y)
                client.receive_grad(grad)
        fedavg_clients(clients)
        print("round", r, "loss", round(loss, 3))


if __name__ == "__main__":
    main()
