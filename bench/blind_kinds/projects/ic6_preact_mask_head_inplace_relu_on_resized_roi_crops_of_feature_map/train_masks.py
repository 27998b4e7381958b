"""A toy two-head detector: a dense objectness head over the whole map and a mask head over RoI
crops of the same map (the RoIs are given; proposal matching is out of scope here)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from det import HEADS, Backbone, crop_rois

ROIS = [(0, 0, 0, 4, 4), (0, 3, 2, 7, 6), (1, 2, 2, 6, 6)]


class Detector(nn.Module):
    def __init__(self, c=6):
        super().__init__()
        self.backbone = Backbone(c)
        self.heads = nn.ModuleDict({name: HEADS[name](c) for name in ("objectness", "mask")})

    def forward(self, x, rois):
        feat = self.backbone(x)
        obj = self.heads["objectness"](feat)
        masks = [self.heads["mask"](crop) for crop in crop_rois(feat, rois)]  # L
        return obj, torch.cat(masks)


def main():
    torch.manual_seed(0)
    model = Detector()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(2):
        x = torch.randn(2, 3, 8, 8)
        obj, masks = model(x, ROIS)
        loss = F.binary_cross_entropy_with_logits(obj, (torch.rand_like(obj) > 0.7).float())
        loss = loss + F.binary_cross_entropy_with_logits(masks, (torch.rand_like(masks) > 0.5).float())
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
