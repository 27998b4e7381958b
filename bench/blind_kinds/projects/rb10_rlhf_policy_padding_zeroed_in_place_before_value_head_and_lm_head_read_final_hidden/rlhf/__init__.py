from .model import CausalLMWithValueHead
from .ppo import ppo_loss

__all__ = ["CausalLMWithValueHead", "ppo_loss"]
