from .graph import NODE_TYPES


def by_type(x, sizes):
    """Rows of a homogeneous node tensor, per node type."""
    return dict(zip(NODE_TYPES, x.split(sizes)))
