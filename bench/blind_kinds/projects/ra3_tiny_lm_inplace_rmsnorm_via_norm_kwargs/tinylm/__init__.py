from .model import Block, TinyLM

__all__ = ["Block", "TinyLM"]
