import torch.nn as nn

from . import box_ops


class DecoderLayer(nn.Module):
    def __init__(self, dim, heads=2):
        super().__init__()
        self.ref_embed = nn.Linear(4, dim)
        self.self_attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.cross_attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.ffn = nn.Sequential(nn.Linear(dim, 2 * dim), nn.ReLU(inplace=True), nn.Linear(2 * dim, dim))
        self.norms = nn.ModuleList(nn.LayerNorm(dim) for _ in range(3))

    def forward(self, q, memory, reference):
        pos = self.ref_embed(reference)
        q = self.norms[0](q + self.self_attn(q + pos, q + pos, q)[0])
        q = self.norms[1](q + self.cross_attn(q + pos, memory, memory)[0])
        return self.norms[2](q + self.ffn(q))


class RefiningDecoder(nn.Module):
    def __init__(self, dim, depth):
        super().__init__()
        self.layers = nn.ModuleList(DecoderLayer(dim) for _ in range(depth))
        self.box_heads = nn.ModuleList(nn.Linear(dim, 4) for _ in range(depth))

    def forward(self, q, memory, reference):
        boxes = []
        for layer, box_head in zip(self.layers, self.box_heads):
            q = layer(q, memory, reference)
            delta = box_head(q)
            boxes.append((delta + box_ops.inverse_sigmoid(reference)).sigmoid())
            reference = box_ops.refine_(reference, delta)  # L
        return q, boxes
