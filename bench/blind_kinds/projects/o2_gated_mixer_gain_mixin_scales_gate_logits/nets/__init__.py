from .mixins import GainMixin
from .model import GatedMixer

__all__ = ["GainMixin", "GatedMixer"]
