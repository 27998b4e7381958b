import torch.nn as nn

_ACTS = {"relu": nn.ReLU, "silu": nn.SiLU, "elu": nn.ELU, "hardswish": nn.Hardswish}


def make_act(spec):
    """``spec`` is a name or a dict like {"name": "silu", "inplace": True}."""
    if isinstance(spec, str):
        spec = {"name": spec}
    spec = dict(spec)
    cls = _ACTS[spec.pop("name")]
    return cls(**spec)  # L
