from .base import UpdateBlockBase
from .raft import RAFTLite
from .update import FusedUpdateBlock

MODELS = {"raft_lite": RAFTLite}


def build_model(cfg):
    cfg = dict(cfg)
    return MODELS[cfg.pop("name")](**cfg)


__all__ = ["FusedUpdateBlock", "MODELS", "RAFTLite", "UpdateBlockBase", "build_model"]
