from .fields import ODEFunc
from .solvers import SOLVERS, odeint

__all__ = ["ODEFunc", "SOLVERS", "odeint"]
