import torch
import torch.nn.functional as F


def fgsm(model, preprocess, images, labels, eps=8 / 255):
    """One signed-gradient step on the raw images (pixel space, before preprocessing)."""
    x = images.clone().detach().requires_grad_(True)
    loss = F.cross_entropy(model(preprocess(x)), labels)  # L
    (grad,) = torch.autograd.grad(loss, x)
    return (x + eps * grad.sign()).clamp(0.0, 1.0).detach()
