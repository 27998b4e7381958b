DEFAULTS = {
    "model": {"block": "cbam", "widths": [8, 16], "num_classes": 5, "reduction": 4},
    "callbacks": [{"name": "clip_grad", "max_norm": 5.0}, {"name": "loss_log"}],
    "lr": 0.05,
    "steps": 3,
    "batch_size": 4,
}
