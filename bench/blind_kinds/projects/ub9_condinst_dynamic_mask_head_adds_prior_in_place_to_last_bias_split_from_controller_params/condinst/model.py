import torch.nn as nn

from .head import DynamicMaskHead


class CondInstLite(nn.Module):
    """One image: a mask branch for the whole image and a controller per instance."""

    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
        self.mask_branch = nn.Conv2d(8, 4, 1)
        self.mask_head = DynamicMaskHead()
        self.controller = nn.Linear(8, self.mask_head.num_gen_params)

    def forward(self, img, centres):
        feats = self.backbone(img)
        inst_feats = feats[0, :, centres[:, 0], centres[:, 1]].t()
        return self.mask_head(self.mask_branch(feats), self.controller(inst_feats))
