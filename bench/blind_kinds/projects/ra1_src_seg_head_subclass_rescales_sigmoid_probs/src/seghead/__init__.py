"""Segmentation heads, picked by name from the experiment config."""
from .backbone import Backbone
from .base import Head, HeadConfig
from .calibrated import CalibratedHead

HEADS = {"plain": Head, "calibrated": CalibratedHead}


def make_head(name, **kwargs):
    return HEADS[name](HeadConfig(**kwargs))


__all__ = ["Backbone", "Head", "HeadConfig", "CalibratedHead", "make_head"]
