import torch
import torch.nn as nn
import torch.nn.functional as F


class GradNormMonitor:
    """Logs the norm of the gradient flowing out of selected layers during training."""

    def __init__(self, model, layer_names):
        self.norms = {}
        self.handles = []
        modules = dict(model.named_modules())
        for name in layer_names:
            self.handles.append(modules[name].register_full_backward_hook(self._hook(name)))

    def _hook(self, name):
        def hook(module, grad_input, grad_output):
            self.norms[name] = grad_output[0].norm().item()
        return hook

    def close(self):
        for h in self.handles:
            h.remove()


def mlp(widths, act=lambda: nn.ReLU(inplace=True)):  # L
    layers = []
    for i, (a, b) in enumerate(zip(widths[:-1], widths[1:])):
        layers.append(nn.Linear(a, b))
        if i < len(widths) - 2:
            layers.append(act())
    return nn.Sequential(*layers)


def run():
    torch.manual_seed(0)
    model = mlp([5, 8, 8, 3])
    monitor = GradNormMonitor(model, ["0", "2"])
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    monitor.close()
    return monitor.norms
