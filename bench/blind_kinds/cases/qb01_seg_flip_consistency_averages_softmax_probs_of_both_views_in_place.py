"""Flip consistency for a small segmentation net (train-time test-time augmentation): the net sees
the image and its mirror, the two class-probability maps are averaged in place into the first one,
and the average is both the pseudo-target of an entropy term and the prediction of the CE loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinySegNet(nn.Module):
    def __init__(self, n_classes=3, ch=6):
        super().__init__()
        self.enc = nn.Sequential(
            nn.Conv2d(3, ch, 3, padding=1), nn.BatchNorm2d(ch), nn.ReLU(inplace=True),
            nn.Conv2d(ch, ch, 3, stride=2, padding=1), nn.BatchNorm2d(ch), nn.ReLU(inplace=True),
        )
        self.cls = nn.Conv2d(ch, n_classes, 1)

    def forward(self, x):
        logits = self.cls(self.enc(x))
        return F.interpolate(logits, size=x.shape[-2:], mode="bilinear", align_corners=False)


def flip_averaged_probs(net, images):
    probs = net(images).softmax(1)
    mirrored = net(images.flip(3)).softmax(1).flip(3)
    probs += mirrored  # L
    probs /= 2  # L
    return probs


def run():
    torch.manual_seed(0)
    net = TinySegNet()
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
    for _ in range(2):
        images, masks = torch.randn(2, 3, 8, 8), torch.randint(0, 3, (2, 8, 8))
        probs = flip_averaged_probs(net, images)  # L
        ce = F.nll_loss(probs.clamp_min(1e-6).log(), masks)
        entropy = -(probs * probs.clamp_min(1e-6).log()).sum(1).mean()
        loss = ce + 0.1 * entropy
        opt.zero_grad()
        loss.backward()
        opt.step()
