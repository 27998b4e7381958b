"""Data-free image synthesis from a trained classifier (DeepInversion-style)."""

CONFIG = {
    "backbone": {"arch": "tiny_resnet", "width": 8, "num_classes": 4},
    "regularizer": {
        # where the feature statistics are taken: the input of every "norm" layer, or the
        # input of every "act" layer (works for nets without batch norm too)
        "stat_layers": "norm",
        "weight": 0.1,
        "tv_weight": 1e-3,
    },
    "n_images": 4,
    "size": 8,
    "steps": 3,
    "lr": 0.05,
}
