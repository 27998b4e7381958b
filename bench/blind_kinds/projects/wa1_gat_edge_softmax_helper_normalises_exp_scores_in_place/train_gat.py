"""Node classification on a toy graph with a hand-written GAT."""
import torch
import torch.nn.functional as F

from gnn import build_model

CONFIG = {"dims": [4, 8, 3], "heads": 2, "edge_drop": 0.2, "lr": 5e-3, "epochs": 3}


def main():
    torch.manual_seed(0)
    n = 7
    src = torch.tensor([0, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 0])
    dst = torch.tensor([1, 2, 3, 4, 5, 6, 0, 0, 1, 2, 3, 4, 5, 6])
    self_loops = torch.arange(n)
    edge_index = torch.stack([torch.cat([src, self_loops]), torch.cat([dst, self_loops])])
    x, y = torch.randn(n, 4), torch.tensor([0, 1, 2, 0, 1, 2, 0])
    model = build_model(CONFIG)
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    for epoch in range(CONFIG["epochs"]):
        model.train()
        loss = F.cross_entropy(model(x, edge_index), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, round(loss.item(), 4))


if __name__ == "__main__":
    main()
