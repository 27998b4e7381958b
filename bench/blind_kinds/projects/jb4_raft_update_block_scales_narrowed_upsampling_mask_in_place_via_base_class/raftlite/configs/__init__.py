"""Experiment configs as plain dicts, as the command line would override them."""

CONFIGS = {
    "raft_tiny": {
        "model": {"name": "raft_lite", "feat_dim": 8, "hidden": 8, "iters": 3, "upsample": 2},
        "gamma": 0.8,
        "lr": 1e-3,
        "steps": 2,
        "batch_size": 2,
        "size": 8,
    },
}
