def make_input_temperature(temperature):
    """Forward pre-hook dividing a module's input by a temperature, without a copy."""

    def hook(module, args):
        args[0].div_(temperature)  # L

    return hook


def make_output_clip(bound):
    """Forward hook returning a clipped copy of a module's output."""

    def hook(module, args, output):
        return output.clamp(-bound, bound)

    return hook
