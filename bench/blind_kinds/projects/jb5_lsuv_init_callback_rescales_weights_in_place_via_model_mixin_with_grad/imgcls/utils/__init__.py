from .tensor import orthonormal_, random_image_batches, rescale_

__all__ = ["orthonormal_", "random_image_batches", "rescale_"]
