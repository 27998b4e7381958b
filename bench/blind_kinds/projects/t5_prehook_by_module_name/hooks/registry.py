from . import scaling

_FACTORIES = {
    "temperature": ("pre", scaling.make_input_temperature),
    "clip": ("post", scaling.make_output_clip),
}


def available():
    return sorted(_FACTORIES)


def attach(model, spec):
    """spec: {"module": dotted name inside model, "kind": registry key, "arg": factory argument}."""
    target = model
    for part in spec["module"].split("."):
        target = getattr(target, part)
    when, factory = _FACTORIES[spec["kind"]]
    hook = factory(spec["arg"])
    if when == "pre":
        return target.register_forward_pre_hook(hook)  # L
    return target.register_forward_hook(hook)
