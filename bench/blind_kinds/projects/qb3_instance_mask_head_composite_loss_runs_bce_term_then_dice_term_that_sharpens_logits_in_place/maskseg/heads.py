import torch
import torch.nn as nn


class MaskHead(nn.Module):
    """Mask R-CNN style: ROI features -> 4 convs -> deconv -> one mask logit map per class."""

    def __init__(self, c, n_classes, depth=2):
        super().__init__()
        layers = []
        for _ in range(depth):
            layers += [nn.Conv2d(c, c, 3, 1, 1), nn.ReLU(inplace=True)]
        self.convs = nn.Sequential(*layers)
        self.up = nn.ConvTranspose2d(c, c, 2, 2)
        self.predictor = nn.Conv2d(c, n_classes, 1)

    def forward(self, roi_feats, labels):
        x = torch.relu(self.up(self.convs(roi_feats)))
        masks = self.predictor(x)
        # only the mask of each ROI's class is trained
        return masks[torch.arange(masks.shape[0]), labels]
