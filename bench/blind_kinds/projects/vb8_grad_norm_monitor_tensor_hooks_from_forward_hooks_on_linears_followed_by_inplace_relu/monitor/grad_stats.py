from collections import defaultdict
from functools import partial


class GradNormMonitor:
    """Per-module norm of the gradient w.r.t. the module's output."""

    def __init__(self, types):
        self.types = tuple(types)
        self.norms = defaultdict(list)
        self.handles = []

    def _record(self, name, grad):
        self.norms[name].append(grad.norm().item())

    def _tap(self, name, module, inputs, output):
        output.register_hook(partial(self._record, name))

    def attach(self, model):
        for name, module in model.named_modules():
            if isinstance(module, self.types):
                self.handles.append(module.register_forward_hook(partial(self._tap, name)))  # L

    def summary(self):
        return {name: round(v[-1], 4) for name, v in self.norms.items()}
