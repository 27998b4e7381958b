from .trainer import EpeMeter, FlowTrainer

__all__ = ["EpeMeter", "FlowTrainer"]
