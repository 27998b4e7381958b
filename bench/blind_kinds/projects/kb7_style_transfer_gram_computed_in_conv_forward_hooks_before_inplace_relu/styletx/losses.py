import torch
import torch.nn.functional as F


def gram(feat):
    b, c, h, w = feat.shape
    f = feat.reshape(b, c, h * w)
    return torch.bmm(f, f.transpose(1, 2)) / (c * h * w)


class StyleLoss:
    """Taps the named conv layers with forward hooks and compares Gram matrices with the style's.
    With eager_gram the Gram matrix is taken inside the hook, so no feature map is kept alive."""

    def __init__(self, net, layer_names, eager_gram=True):
        self.eager_gram = eager_gram
        self.taps = {}
        modules = dict(net.named_children())
        for name in layer_names:
            modules[name].register_forward_hook(self._tap(name))
        self.targets = None

    def _tap(self, name):
        def hook(module, inputs, output):
            self.taps[name] = gram(output) if self.eager_gram else output  # L
        return hook

    def grams(self):
        return {n: t if self.eager_gram else gram(t) for n, t in self.taps.items()}

    def set_target(self):
        self.targets = {n: g.detach() for n, g in self.grams().items()}

    def __call__(self):
        return sum(F.mse_loss(g, self.targets[n]) for n, g in self.grams().items())
