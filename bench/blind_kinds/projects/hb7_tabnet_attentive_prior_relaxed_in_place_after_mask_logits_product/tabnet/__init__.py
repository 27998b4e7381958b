from .model import TabNet, build_tabnet

__all__ = ["TabNet", "build_tabnet"]
