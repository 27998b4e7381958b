"""Small behaviours shared by several models."""


class GainMixin:
    """Scales a gate by a fixed gain (in place: the gates are the largest activations here)."""

    gain = 1.0

    def apply_gain_(self, t):
        return t.mul_(self.gain)  # L
