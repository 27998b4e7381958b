from .tensor import convex_upsample, split_channels, synthetic_flow_batches

__all__ = ["convex_upsample", "split_channels", "synthetic_flow_batches"]
