from .config import EncoderConfig
from .model import Encoder
