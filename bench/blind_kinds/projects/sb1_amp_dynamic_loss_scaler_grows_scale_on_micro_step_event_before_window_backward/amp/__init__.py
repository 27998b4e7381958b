from .scaler import DynamicLossScaler

__all__ = ["DynamicLossScaler"]
