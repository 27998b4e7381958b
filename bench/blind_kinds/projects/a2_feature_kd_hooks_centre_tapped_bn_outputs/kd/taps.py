"""Collects intermediate features by module name with forward hooks (FitNets / AT style)."""
import functools


class FeatureTaps:
    def __init__(self, model, names):
        modules = dict(model.named_modules())
        missing = [n for n in names if n not in modules]
        if missing:
            raise KeyError(f"no such modules: {missing}")
        self.names = list(names)
        self.features = {}
        self._handles = [modules[n].register_forward_hook(functools.partial(self._store, name=n))
                         for n in self.names]

    def _store(self, module, inputs, output, *, name):
        self.features[name] = output

    def __iter__(self):
        return (self.features[n] for n in self.names)

    def remove(self):
        for h in self._handles:
            h.remove()
