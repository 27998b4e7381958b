from .model import TinyFastSpeech

__all__ = ["TinyFastSpeech"]
