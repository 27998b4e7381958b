from .decoder import Decoder, NORMALISERS
from .losses import multiscale_spectral_loss
from .synth import HarmonicSynth

__all__ = ["Decoder", "NORMALISERS", "HarmonicSynth", "multiscale_spectral_loss"]
