"""Collect intermediate activations by module name with forward hooks."""


class FeatureTap:
    def __init__(self, model, names):
        modules = dict(model.named_modules())
        self.feats = {}
        self.handles = [modules[n].register_forward_hook(self._hook(n)) for n in names]

    def _hook(self, name):
        def hook(module, inputs, output):
            self.feats[name] = output
        return hook

    def pop(self, name):
        return self.feats.pop(name)

    def remove(self):
        for h in self.handles:
            h.remove()
