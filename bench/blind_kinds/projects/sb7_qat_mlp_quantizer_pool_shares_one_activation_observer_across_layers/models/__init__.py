from .qmlp import QuantMLP

__all__ = ["QuantMLP"]
