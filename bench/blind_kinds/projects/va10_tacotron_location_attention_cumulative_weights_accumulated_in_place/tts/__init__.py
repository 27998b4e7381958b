from .decoder import Decoder
from .state import DecoderState

__all__ = ["Decoder", "DecoderState"]
