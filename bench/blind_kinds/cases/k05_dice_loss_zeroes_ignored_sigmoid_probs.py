import torch
import torch.nn as nn


class DiceLoss(nn.Module):
    """Soft Dice for binary segmentation with an ignore label (255)."""

    def __init__(self, smooth=1.0, ignore_index=255):
        super().__init__()
        self.smooth = smooth
        self.ignore_index = ignore_index

    def forward(self, logits, target):
        probs = logits.sigmoid()
        ignore = target == self.ignore_index
        probs[ignore] = 0.0  # L
        tgt = target.masked_fill(ignore, 0).float()
        inter = (probs * tgt).sum(dim=(1, 2))
        denom = probs.sum(dim=(1, 2)) + tgt.sum(dim=(1, 2))
        return (1 - (2 * inter + self.smooth) / (denom + self.smooth)).mean()


def tiny_segmenter():
    return nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(),
                         nn.Conv2d(4, 1, 1))


def run():
    torch.manual_seed(0)
    net, crit = tiny_segmenter(), DiceLoss()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    img = torch.randn(2, 3, 6, 6)
    target = torch.randint(0, 2, (2, 6, 6))
    target[:, 0, :] = 255
    logits = net(img).squeeze(1)
    loss = crit(logits, target)
    opt.zero_grad()
    loss.backward()
    opt.step()
