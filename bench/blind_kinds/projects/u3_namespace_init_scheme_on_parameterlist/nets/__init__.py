from .init import initialize
from .mlp import GatedMLP
