from .tensor import fake_loader, scale_channels_, scale_positions_

__all__ = ["fake_loader", "scale_channels_", "scale_positions_"]
