class Dirichlet:
    """Fix a field's value on the four edges of the grid (in place)."""

    def __init__(self, value):
        self.value = value

    def __call__(self, field):
        field[..., 0, :] = self.value  # L
        field[..., -1, :] = self.value  # L
        field[..., :, 0] = self.value  # L
        field[..., :, -1] = self.value  # L
        return field


class Neumann:
    """Zero-flux edges: copy the neighbouring interior row/column (in place)."""

    def __call__(self, field):
        field[..., 0, :] = field[..., 1, :]
        field[..., -1, :] = field[..., -2, :]
        field[..., :, 0] = field[..., :, 1]
        field[..., :, -1] = field[..., :, -2]
        return field


BOUNDARIES = {"dirichlet": Dirichlet, "neumann": lambda value: Neumann()}


def build_boundaries(name, values):
    return [BOUNDARIES[name](v) for v in values]
