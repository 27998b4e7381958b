from .logps import concatenated_forward
from .losses import LOSSES, needs_reference
from .policy import TinyCausalLM
