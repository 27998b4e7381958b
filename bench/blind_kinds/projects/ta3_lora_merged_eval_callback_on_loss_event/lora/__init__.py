from .inject import inject_lora, lora_parameters, merged
from .layers import LoRALinear

__all__ = ["inject_lora", "lora_parameters", "merged", "LoRALinear"]
