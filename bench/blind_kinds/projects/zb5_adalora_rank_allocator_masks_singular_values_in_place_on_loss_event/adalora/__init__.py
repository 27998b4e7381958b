from .allocator import RankAllocator
from .layers import SVDLinear, wrap_linears
