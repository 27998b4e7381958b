import torch
import torch.nn as nn


class TinyDETR(nn.Module):
    def __init__(self, num_classes, hidden, num_queries, heads):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, hidden, 4, stride=4), nn.ReLU(),
                                      nn.Conv2d(hidden, hidden, 3, stride=2, padding=1))
        self.pos = nn.Parameter(torch.randn(1, 16, hidden) * 0.02)
        self.query = nn.Embedding(num_queries, hidden)
        self.attn = nn.MultiheadAttention(hidden, heads, batch_first=True)
        self.class_head = nn.Linear(hidden, num_classes + 1)
        self.bbox_head = nn.Sequential(nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 4))

    def forward(self, images):
        mem = self.backbone(images).flatten(2).transpose(1, 2)
        mem = mem + self.pos[:, :mem.shape[1]]
        q = self.query.weight.unsqueeze(0).expand(images.shape[0], -1, -1)
        h, _ = self.attn(q, mem, mem)
        h = h + q
        return {"pred_logits": self.class_head(h), "pred_boxes": self.bbox_head(h).sigmoid()}
