import torch.nn as nn

from .decoder import RefiningDecoder


class RefineDETR(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        dim = cfg["dim"]
        self.backbone = nn.Sequential(nn.Conv2d(3, dim, 3, 2, 1), nn.ReLU(inplace=True), nn.Conv2d(dim, dim, 3, 2, 1))
        self.query_embed = nn.Embedding(cfg["queries"], dim)
        self.query_pos = nn.Embedding(cfg["queries"], dim)
        self.reference_points = nn.Linear(dim, 4)
        self.decoder = RefiningDecoder(dim, cfg["depth"])
        self.class_head = nn.Linear(dim, cfg["classes"] + 1)

    def forward(self, images):
        n = images.shape[0]
        memory = self.backbone(images).flatten(2).transpose(1, 2)
        q = self.query_embed.weight.expand(n, -1, -1)
        reference = self.reference_points(self.query_pos.weight).sigmoid().expand(n, -1, -1).contiguous()
        q, boxes = self.decoder(q, memory, reference)  # L
        return self.class_head(q), boxes
