from .loss import EDM2Loss
from .precond import EDMPrecond

__all__ = ["EDM2Loss", "EDMPrecond"]
