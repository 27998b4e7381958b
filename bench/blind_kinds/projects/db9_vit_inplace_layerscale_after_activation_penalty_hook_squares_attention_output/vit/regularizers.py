"""Activation regularisation (Merity et al.'s AR, used here to keep attention outputs small for
low-precision inference): forward hooks on the named modules collect the mean squared output, and
the trainer adds their sum to the loss."""


class ActivationPenalty:
    def __init__(self, model, suffix="attn", weight=1e-3):
        self.weight = weight
        self.terms = []
        self.handles = [m.register_forward_hook(self._hook) for name, m in model.named_modules()
                        if name.split(".")[-1] == suffix]

    def _hook(self, module, args, output):
        self.terms.append(output.pow(2).mean())

    def pop(self):
        total = self.weight * sum(self.terms)
        self.terms.clear()
        return total

    def remove(self):
        for h in self.handles:
            h.remove()
