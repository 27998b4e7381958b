"""Forward hooks that keep the attention maps of the last forward, by module name."""


class AttentionRecorder:
    def __init__(self, model, suffix="attn_softmax"):
        self.maps = {}
        self.handles = [
            module.register_forward_hook(self._hook(name))
            for name, module in model.named_modules()
            if name.endswith(suffix)
        ]

    def _hook(self, name):
        def keep(module, inputs, output):
            self.maps[name] = output.clone()
        return keep

    def pop(self):
        maps, self.maps = self.maps, {}
        return maps

    def remove(self):
        for h in self.handles:
            h.remove()
