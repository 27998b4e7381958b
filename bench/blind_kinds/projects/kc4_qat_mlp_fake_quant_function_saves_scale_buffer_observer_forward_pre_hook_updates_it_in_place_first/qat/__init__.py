from .function import FakeQuantSTE
from .layers import QuantLinear
from .observer import AbsMaxObserver, attach_observers

__all__ = ["FakeQuantSTE", "QuantLinear", "AbsMaxObserver", "attach_observers"]
