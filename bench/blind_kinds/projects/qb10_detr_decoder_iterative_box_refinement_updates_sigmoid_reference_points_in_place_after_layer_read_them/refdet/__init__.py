from .model import RefineDETR

__all__ = ["RefineDETR"]
