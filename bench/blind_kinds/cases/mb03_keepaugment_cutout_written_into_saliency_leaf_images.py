"""KeepAugment-style cutout: the batch is made a leaf that requires grad so that a vanilla-gradient
saliency map can be taken, and the cutout box is then placed where the saliency is lowest and
zeroed in place in the same tensor, which is still the leaf that requires grad."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def saliency(model, images, labels):
    images.requires_grad_(True)
    loss = F.cross_entropy(model(images), labels)
    (grad,) = torch.autograd.grad(loss, images)
    return grad.abs().amax(1)  # (B, H, W)


def keep_cutout_(images, sal, size=3):
    """Zero the size x size window with the least saliency in each image."""
    window = F.avg_pool2d(sal[:, None], size, stride=1)[:, 0]
    flat = window.flatten(1).argmin(1)
    width = window.shape[-1]
    for i, idx in enumerate(flat.tolist()):
        y0, x0 = divmod(idx, width)
        images[i, :, y0:y0 + size, x0:x0 + size] = 0.0  # L
    return images


def make_model():
    return nn.Sequential(
        nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 4),
    )


def run():
    torch.manual_seed(0)
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for _ in range(2):
        images, labels = torch.randn(4, 3, 8, 8), torch.randint(0, 4, (4,))
        sal = saliency(model, images, labels)
        images = keep_cutout_(images, sal)  # L
        loss = F.cross_entropy(model(images), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
