"""OGB-style molecular property prediction (ogbg-molhiv's shape, random molecules) with a
virtual-node GIN with OGB's default dropout of 0.5."""
import torch

from molgnn import GNN, evaluate, train_epoch

CONFIG = {
    "num_layer": 3,
    "emb_dim": 16,
    "drop_ratio": 0.5,  # L
    "residual": False,
    "lr": 1e-3,
    "epochs": 2,
    "batch_size": 4,
}


def random_molecule(n_atoms):
    x = torch.stack([torch.randint(0, 10, (n_atoms,)), torch.randint(0, 4, (n_atoms,)),
                     torch.randint(0, 6, (n_atoms,))], 1)
    src = torch.arange(n_atoms - 1)
    edge_index = torch.cat([torch.stack([src, src + 1]), torch.stack([src + 1, src])], 1)
    edge_attr = torch.stack([torch.randint(0, 5, (2 * (n_atoms - 1),)), torch.randint(0, 6, (2 * (n_atoms - 1),)),
                             torch.randint(0, 2, (2 * (n_atoms - 1),))], 1)
    return x, edge_index, edge_attr


def collate(molecules, labels):
    xs, eis, eas, batch, offset = [], [], [], [], 0
    for g, (x, ei, ea) in enumerate(molecules):
        xs.append(x)
        eis.append(ei + offset)
        eas.append(ea)
        batch.append(torch.full((x.shape[0],), g))
        offset += x.shape[0]
    return {"x": torch.cat(xs), "edge_index": torch.cat(eis, 1), "edge_attr": torch.cat(eas),
            "batch": torch.cat(batch), "n_graphs": len(molecules), "y": labels}


def make_loader(n_graphs, batch_size):
    loader = []
    for start in range(0, n_graphs, batch_size):
        mols = [random_molecule(int(torch.randint(4, 9, ()))) for _ in range(batch_size)]
        y = torch.randint(0, 2, (batch_size, 1)).float()
        y[0, 0] = float("nan")
        loader.append(collate(mols, y))
    return loader


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = GNN(num_layer=cfg["num_layer"], emb_dim=cfg["emb_dim"], drop_ratio=cfg["drop_ratio"],
                residual=cfg["residual"])
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    loader = make_loader(12, cfg["batch_size"])
    for epoch in range(cfg["epochs"]):
        loss = train_epoch(model, loader, optimizer)  # L
        print(epoch, round(loss, 4), evaluate(model, loader))


if __name__ == "__main__":
    main()
