import torch.nn.utils.parametrize as parametrize

from .constraints import CONSTRAINTS
from .layers import ICNN


def apply_constraints(model, spec):
    """spec: iterable of (module path, tensor name, constraint name)."""
    for path, tensor_name, kind in spec:
        module = model.get_submodule(path)
        parametrize.register_parametrization(module, tensor_name, CONSTRAINTS[kind]())  # L
    return model


def convex_spec(model):
    paths = [f"hidden.{i}.wz" for i in range(len(model.hidden))] + ["out.wz"]
    return [(p, "weight", "nonneg") for p in paths]


def build_icnn(x_dim=2, widths=(8, 8, 8), convex=True):
    model = ICNN(x_dim, list(widths))
    if convex:
        apply_constraints(model, convex_spec(model))  # L
    return model
