from .tensor import leading_square, random_token_batches

__all__ = ["leading_square", "random_token_batches"]
