"""Constraints applied to the patch after every update, by name."""


def printable_box_(pixels):
    return pixels.clamp_(0.0, 1.0)  # L


def grey_box_(pixels):
    return pixels.clamp_(0.25, 0.75)


CONSTRAINTS = {"printable": printable_box_, "grey": grey_box_}
