import torch.nn.functional as F


def xcorr(z, x):
    """Per-sample cross-correlation of search features x with template features z (SiamFC)."""
    b, c, h, w = x.shape
    out = F.conv2d(x.reshape(1, b * c, h, w), z, groups=b)
    return out.reshape(b, 1, out.shape[-2], out.shape[-1])


def centre_crop(feat, size):
    h, w = feat.shape[-2:]
    top, left = (h - size) // 2, (w - size) // 2
    return feat[..., top:top + size, left:left + size]
