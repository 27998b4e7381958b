from .config import POLICY_CFG
from .policy import CategoricalPolicy

__all__ = ["POLICY_CFG", "CategoricalPolicy"]
