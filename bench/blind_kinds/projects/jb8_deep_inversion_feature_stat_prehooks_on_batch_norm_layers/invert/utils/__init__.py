from .tensor import channel_stats, random_real_batch, total_variation

__all__ = ["channel_stats", "random_real_batch", "total_variation"]
