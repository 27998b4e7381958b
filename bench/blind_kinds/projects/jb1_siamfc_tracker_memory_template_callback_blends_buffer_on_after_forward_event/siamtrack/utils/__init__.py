from .tensor import ema_, make_pairs, response_labels

__all__ = ["ema_", "make_pairs", "response_labels"]
