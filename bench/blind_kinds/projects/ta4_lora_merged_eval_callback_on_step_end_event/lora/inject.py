import contextlib

from .layers import LoRALinear


def _parent(model, dotted):
    *path, leaf = dotted.split(".")
    mod = model
    for part in path:
        mod = getattr(mod, part)
    return mod, leaf


def inject_lora(model, targets, **lora_kw):
    for name in targets:
        parent, leaf = _parent(model, name)
        setattr(parent, leaf, LoRALinear(getattr(parent, leaf), **lora_kw))
    return model


def lora_parameters(model):
    return [p for n, p in model.named_parameters() if n.endswith((".A", ".B"))]


@contextlib.contextmanager
def merged(model):
    layers = [m for m in model.modules() if isinstance(m, LoRALinear)]
    for m in layers:
        m.merge_()  # L
    try:
        yield model
    finally:
        for m in layers:
            m.unmerge_()
