from .forces import PairForceField
from .integrators import INTEGRATORS, simulate
from .state import ParticleState

__all__ = ["INTEGRATORS", "PairForceField", "ParticleState", "simulate"]
