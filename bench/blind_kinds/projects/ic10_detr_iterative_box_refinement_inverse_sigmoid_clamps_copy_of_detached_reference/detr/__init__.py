from .criterion import AuxL1Criterion
from .decoder import RefineDecoder

__all__ = ["AuxL1Criterion", "RefineDecoder"]
