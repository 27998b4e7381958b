import copy

DEFAULTS = {
    "model": {"num_classes": 3, "hidden": 16, "num_queries": 10, "heads": 2},
    "matcher": {"cost_class": 1.0, "cost_bbox": 5.0, "cost_giou": 2.0},
    "loss": {"eos_coef": 0.1, "bbox": 5.0, "giou": 2.0},
    "image_size": 32,
    "lr": 1e-4,
    "epochs": 300,
}


def merge(base, overrides):
    out = copy.deepcopy(base)
    for k, v in overrides.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) else v
    return out
