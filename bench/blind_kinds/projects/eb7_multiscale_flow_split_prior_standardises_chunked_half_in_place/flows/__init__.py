from .model import MultiScaleFlow, build_flow

__all__ = ["MultiScaleFlow", "build_flow"]
