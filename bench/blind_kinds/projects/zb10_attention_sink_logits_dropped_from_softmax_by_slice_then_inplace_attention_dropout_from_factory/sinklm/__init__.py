from .model import SinkLM
