from .agent import AgentConfig, DQNAgent
from .replay import PrioritizedReplay

__all__ = ["AgentConfig", "DQNAgent", "PrioritizedReplay"]
