import torch.nn as nn

from .mixins import PriorInitMixin


class RetinaHead(PriorInitMixin, nn.Module):
    def __init__(self, c=8, n_anchors=3, n_cls=2):
        super().__init__()
        self.n_cls = n_cls
        self.tower = nn.Sequential(nn.Conv2d(c, c, 3, padding=1), nn.ReLU())
        self.cls_logits = nn.Conv2d(c, n_anchors * n_cls, 3, padding=1)
        self.box_deltas = nn.Conv2d(c, n_anchors * 4, 3, padding=1)
        self.init_weights()  # L

    def forward(self, feat):
        t = self.tower(feat)
        b = feat.shape[0]
        return self.cls_logits(t).view(b, -1, self.n_cls), self.box_deltas(t).view(b, -1, 4)
