from .models import AttnDecoderRNN, EncoderRNN
from .train import train_batch
from .translator import Translator

__all__ = ["AttnDecoderRNN", "EncoderRNN", "Translator", "train_batch"]
