import torch


def inverse_sigmoid(x, eps=1e-5):
    x = x.clamp(min=0, max=1)
    return torch.log(x.clamp(min=eps) / (1 - x).clamp(min=eps))


def refine_(reference, delta):
    """Deformable DETR's box refinement: new = sigmoid(delta + logit(ref)), detached so each layer
    learns its own correction. Written into the reference tensor to keep one buffer for all layers."""
    with torch.no_grad():
        reference.copy_((delta + inverse_sigmoid(reference)).sigmoid())  # L
    return reference
