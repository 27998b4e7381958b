from collections import defaultdict
from functools import partial


class GradNormMonitor:
    """Per-module norm of the gradient w.r.t. the module's output."""

    def __init__(self, types):
        self.types = tuple(types)
        self.norms = defaultdict(list)
        self.handles = []

    def _record(self, name, module, grad_input, grad_output):
        self.norms[name].append(grad_output[0].norm().item())

    def attach(self, model):
        for name, module in model.named_modules():
            if isinstance(module, self.types):
                self.handles.append(module.register_full_backward_hook(partial(self._record, name)))  # L

    def summary(self):
        return {name: round(v[-1], 4) for name, v in self.norms.items()}
