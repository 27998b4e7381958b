class ZeroInitMixin:
    """Residual blocks name their last normalisation layer; zero_init_last zeroes its scale."""

    last_norm = "norm"

    def zero_init_last(self):
        norm = getattr(self, self.last_norm)
        norm.weight.zero_()  # L
