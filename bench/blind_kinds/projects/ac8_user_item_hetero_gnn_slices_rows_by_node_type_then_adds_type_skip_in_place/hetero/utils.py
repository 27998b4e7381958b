from itertools import accumulate

from .graph import NODE_TYPES


def by_type(x, sizes):
    """Rows of a homogeneous node tensor, per node type."""
    ends = list(accumulate(sizes))
    return {t: x[end - size : end] for t, size, end in zip(NODE_TYPES, sizes, ends)}
