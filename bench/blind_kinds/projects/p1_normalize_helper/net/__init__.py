from .model import Encoder
