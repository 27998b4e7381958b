from .model import FoxLM
