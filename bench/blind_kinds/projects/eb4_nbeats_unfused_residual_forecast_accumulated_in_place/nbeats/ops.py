"""Allocation-free updates for the doubly residual stack (long horizons, many blocks)."""


def accumulate_(total, part):
    return total.add_(part)  # L


def remove_backcast_(residual, backcast):
    return residual.sub_(backcast)  # L
