"""Forward hooks that keep the output of named submodules for feature distillation."""
from functools import partial


class FeatureTaps:
    def __init__(self, model, names):
        modules = dict(model.named_modules())
        self.names = list(names)
        self.store = {}
        self.handles = [modules[n].register_forward_hook(partial(self._keep, n)) for n in self.names]

    def _keep(self, name, module, inputs, output):
        self.store[name] = output

    def maps(self):
        return [self.store[n] for n in self.names]

    def remove(self):
        for h in self.handles:
            h.remove()
