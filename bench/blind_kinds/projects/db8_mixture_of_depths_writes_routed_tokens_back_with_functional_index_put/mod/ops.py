"""How the processed tokens are put back into the residual stream."""


def write_in_place(x, index, values):
    x[index] = values  # L
    return x


def write_functional(x, index, values):
    return x.index_put(index, values)


WRITE_BACK = {"in_place": write_in_place, "functional": write_functional}
