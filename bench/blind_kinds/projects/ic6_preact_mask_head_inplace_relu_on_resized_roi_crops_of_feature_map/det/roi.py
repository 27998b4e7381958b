import torch.nn.functional as F


def crop_rois(feat, rois, size=4):
    """Integer RoIs (batch index, x0, y0, x1, y1), each crop resized to size x size (a poor man's
    RoIAlign)."""
    return [F.interpolate(feat[b:b + 1, :, y0:y1, x0:x1], size=(size, size), mode="bilinear", align_corners=False)
            for b, x0, y0, x1, y1 in rois]
