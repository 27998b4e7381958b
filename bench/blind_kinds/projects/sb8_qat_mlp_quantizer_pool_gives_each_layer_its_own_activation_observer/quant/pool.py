from .fake_quant import ActFakeQuant


class QuantizerPool:
    """Hands out activation quantisers by site name. ``shared=True`` gives every site the same
    quantiser (one scale for the whole network, as some integer-only accelerators require)."""

    def __init__(self, shared=False, **quant_kw):
        self.shared = shared
        self.quant_kw = quant_kw
        self._made = {}

    def get(self, site):
        key = "*" if self.shared else site
        if key not in self._made:
            self._made[key] = ActFakeQuant(**self.quant_kw)
        return self._made[key]
