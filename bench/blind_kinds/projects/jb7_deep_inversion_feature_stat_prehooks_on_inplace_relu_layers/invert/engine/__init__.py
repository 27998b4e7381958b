from .hooks import FeatureStatHook, attach_stat_hooks, calibrate_reference
from .inverter import Inverter

__all__ = ["FeatureStatHook", "Inverter", "attach_stat_hooks", "calibrate_reference"]
