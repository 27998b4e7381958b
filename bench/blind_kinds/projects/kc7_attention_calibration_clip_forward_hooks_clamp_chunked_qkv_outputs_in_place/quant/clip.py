class ActivationClip:
    """Forward hook: clamp a module's output(s) to [-c, c] in place, as the int8 range will."""

    def __init__(self, c):
        self.c = c

    def __call__(self, module, inputs, output):
        outs = output if isinstance(output, tuple) else (output,)
        for t in outs:
            t.clamp_(-self.c, self.c)  # L


def install_clip_hooks(model, kinds, c):
    return [m.register_forward_hook(ActivationClip(c)) for m in model.modules()  # L
            if type(m).__name__ in kinds]
