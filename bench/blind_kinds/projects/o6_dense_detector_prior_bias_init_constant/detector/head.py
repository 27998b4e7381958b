import torch.nn as nn


class DenseHead(nn.Module):
    """A RetinaNet-style head: shared tower, per-location class logits and box deltas."""

    def __init__(self, ch=8, n_anchors=2, n_classes=3, depth=2):
        super().__init__()
        tower = []
        for _ in range(depth):
            tower += [nn.Conv2d(ch, ch, 3, padding=1), nn.GroupNorm(2, ch), nn.ReLU(inplace=True)]
        self.tower = nn.Sequential(*tower)
        self.cls = nn.Conv2d(ch, n_anchors * n_classes, 3, padding=1)
        self.box = nn.Conv2d(ch, n_anchors * 4, 3, padding=1)
        self.n_classes = n_classes

    def forward(self, feat):
        t = self.tower(feat)
        return self.cls(t), self.box(t)
