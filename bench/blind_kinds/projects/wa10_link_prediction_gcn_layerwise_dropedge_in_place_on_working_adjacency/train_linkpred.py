"""Link prediction with a GCN encoder, DropEdge resampled at every layer, and random negative edges."""
import torch

from lp import GCNEncoder, link_loss, negative_edges, normalized_adjacency

CONFIG = {"nodes": 8, "dims": [5, 8, 4], "edge_drop": 0.2, "layerwise_dropedge": True, "epochs": 3}


def main():
    torch.manual_seed(0)
    n = CONFIG["nodes"]
    edges = torch.tensor([[0, 1, 2, 3, 4, 5, 6, 0, 2], [1, 2, 3, 4, 5, 6, 7, 4, 6]])
    x = torch.randn(n, CONFIG["dims"][0])
    model = GCNEncoder(normalized_adjacency(edges, n), CONFIG["dims"], CONFIG["edge_drop"], CONFIG["layerwise_dropedge"])
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for epoch in range(CONFIG["epochs"]):
        model.train()
        z = model(x)  # L
        loss = link_loss(z, edges, negative_edges(n, edges.shape[1]))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, round(loss.item(), 4))


if __name__ == "__main__":
    main()
