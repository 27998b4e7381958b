import torch


def random_graph_batch(n_graphs=3, n_nodes=4, n_feat=5, n_classes=2, p=0.5, generator=None):
    """A batch of small random undirected graphs, PyG-style: x, edge_index, batch, y."""
    xs, edges, batch = [], [], []
    for g in range(n_graphs):
        adj = torch.rand(n_nodes, n_nodes, generator=generator) < p
        adj = (adj | adj.t()).fill_diagonal_(False)
        src, dst = adj.nonzero(as_tuple=True)
        edges.append(torch.stack([src, dst]) + g * n_nodes)
        xs.append(torch.randn(n_nodes, n_feat, generator=generator))
        batch.append(torch.full((n_nodes,), g))
    y = torch.randint(0, n_classes, (n_graphs,), generator=generator)
    return torch.cat(xs), torch.cat(edges, dim=1), torch.cat(batch), y
