from .hooks import attach_memory
from .losses import ContrastiveWithMemory, Embedder
from .memory import CrossBatchMemory
