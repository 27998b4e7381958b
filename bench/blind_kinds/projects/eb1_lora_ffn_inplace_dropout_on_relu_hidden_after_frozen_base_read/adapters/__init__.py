from .config import LoraConfig
from .inject import adapter_parameters, adapter_state_dict, inject_adapters
from .lora import LoRALinear

__all__ = ["LoraConfig", "LoRALinear", "adapter_parameters", "adapter_state_dict", "inject_adapters"]
