def aggregate_into_(out, x, edge_index):
    """Sum the neighbours' features into ``out`` (messages flow src -> dst)."""
    src, dst = edge_index
    return out.index_add_(0, dst, x[src])  # L


def global_add_pool(x, batch, n_graphs):
    return x.new_zeros(n_graphs, x.shape[1]).index_add_(0, batch, x)
