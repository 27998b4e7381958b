from .regularizers import drop_path_

__all__ = ["drop_path_"]
