import torch
import torch.nn.functional as F

from graphs import GIN, random_graph_batch

CONFIG = {
    "model": {"n_feat": 5, "hidden": 8, "n_layers": 2, "n_classes": 2, "train_eps": False},
    "data": {"n_graphs": 3, "n_nodes": 4},
    "lr": 0.01,
    "epochs": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    model = GIN(**cfg["model"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for epoch in range(cfg["epochs"]):
        x, edge_index, batch, y = random_graph_batch(**cfg["data"], n_feat=cfg["model"]["n_feat"], generator=g)
        logits = model(x, edge_index, batch, cfg["data"]["n_graphs"])  # L
        loss = F.cross_entropy(logits, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, round(loss.item(), 4))


if __name__ == "__main__":
    main()
