import torch
import torch.nn as nn


def orthonormal_(weight):
    """Orthonormal rows (nn.init works under no_grad itself)."""
    return nn.init.orthogonal_(weight)


def rescale_(tensor, factor):
    return tensor.div_(factor)  # L


def random_image_batches(steps, batch_size, num_classes, size=8):
    for _ in range(steps):
        yield torch.randn(batch_size, 3, size, size), torch.randint(0, num_classes, (batch_size,))
