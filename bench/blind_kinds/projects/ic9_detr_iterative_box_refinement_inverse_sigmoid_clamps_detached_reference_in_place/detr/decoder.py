import torch
import torch.nn as nn

from .utils import inverse_sigmoid


class RefineLayer(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.ffn = nn.Sequential(nn.Linear(d + 4, d), nn.ReLU(), nn.Linear(d, d))
        self.bbox_embed = nn.Linear(d, 4)

    def forward(self, q, ref):
        q = q + self.ffn(torch.cat([q, ref], -1))
        return q, self.bbox_embed(q)


class RefineDecoder(nn.Module):
    """Deformable-DETR style: each layer predicts a delta in logit space on the previous layer's
    reference boxes; the reference passed on is detached, every layer's boxes go to the loss."""

    def __init__(self, d=8, n_layers=3, n_queries=5):
        super().__init__()
        self.query = nn.Embedding(n_queries, d)
        self.ref0 = nn.Linear(d, 4)
        self.layers = nn.ModuleList(RefineLayer(d) for _ in range(n_layers))

    def forward(self, memory):
        q = self.query.weight[None].expand(memory.shape[0], -1, -1) + memory.mean(1, keepdim=True)
        ref = self.ref0(q).sigmoid()
        boxes = []
        for layer in self.layers:
            q, delta = layer(q, ref)
            new_ref = (delta + inverse_sigmoid(ref)).sigmoid()  # L
            boxes.append(new_ref)
            ref = new_ref.detach()
        return boxes
