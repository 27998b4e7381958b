from .beam import BeamSearch

__all__ = ["BeamSearch"]
