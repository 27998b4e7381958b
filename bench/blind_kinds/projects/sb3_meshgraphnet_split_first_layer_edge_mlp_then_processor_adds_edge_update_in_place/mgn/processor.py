import torch.nn as nn

from .blocks import EdgeBlock, NodeBlock


class Processor(nn.Module):
    """Message-passing steps with residual updates of edge and node latents."""

    def __init__(self, d_node, d_edge, hidden, steps, edge_input="concat"):
        super().__init__()
        self.edge_blocks = nn.ModuleList(EdgeBlock(d_node, d_edge, hidden, edge_input) for _ in range(steps))
        self.node_blocks = nn.ModuleList(NodeBlock(d_node, d_edge, hidden) for _ in range(steps))

    def forward(self, x, edge_attr, edge_index):
        for edge_block, node_block in zip(self.edge_blocks, self.node_blocks):
            edge_attr += edge_block(x, edge_attr, edge_index)  # L
            x = x + node_block(x, edge_attr, edge_index)
        return x, edge_attr
