from .lora import LoRALinear, add_lora
from .callbacks import ReLoRARestart

__all__ = ["LoRALinear", "ReLoRARestart", "add_lora"]
