"""Learn one step of a mass-spring mesh (MeshGraphNets: encode, process, decode accelerations)."""
import torch
import torch.nn as nn

from mgn import Processor, make_mlp

CFG = {"d_node": 8, "d_edge": 8, "hidden": 16, "steps": 2, "edge_input": "split", "lr": 1e-3}


class MeshGraphNet(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.node_encoder = make_mlp(4, cfg["hidden"], cfg["d_node"])
        self.edge_encoder = make_mlp(3, cfg["hidden"], cfg["d_edge"])
        self.processor = Processor(cfg["d_node"], cfg["d_edge"], cfg["hidden"], cfg["steps"], cfg["edge_input"])
        self.decoder = make_mlp(cfg["d_node"], cfg["hidden"], 2, layer_norm=False)

    def forward(self, pos, vel, edge_index):
        src, dst = edge_index
        rel = pos[src] - pos[dst]
        edge_feat = torch.cat([rel, rel.norm(dim=-1, keepdim=True)], dim=-1)
        x = self.node_encoder(torch.cat([pos, vel], dim=-1))
        e = self.edge_encoder(edge_feat)
        x, _ = self.processor(x, e, edge_index)  # L
        return self.decoder(x)


def grid_edges(n):
    src = torch.arange(n - 1)
    return torch.stack([torch.cat([src, src + 1]), torch.cat([src + 1, src])])


def main(cfg=CFG):
    torch.manual_seed(0)
    model = MeshGraphNet(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    edge_index = grid_edges(6)
    for _ in range(2):
        pos, vel = torch.randn(6, 2), torch.randn(6, 2)
        target_acc = torch.randn(6, 2)
        loss = (model(pos, vel, edge_index) - target_acc).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("loss", round(loss.item(), 4))


if __name__ == "__main__":
    main()
