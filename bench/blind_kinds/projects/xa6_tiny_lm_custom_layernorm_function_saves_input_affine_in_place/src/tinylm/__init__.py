from .layers import FastLayerNorm
from .model import TinyLM
