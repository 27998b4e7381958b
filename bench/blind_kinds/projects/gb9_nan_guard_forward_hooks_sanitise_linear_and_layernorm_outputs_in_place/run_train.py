import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

from textclf.debug import install_nan_guards  # noqa: E402
from textclf.models import build_model  # noqa: E402

CONFIG = {
    "model": {"name": "attention_pool", "vocab": 50, "dim": 16, "n_classes": 3},
    "nan_guard": {"enabled": True, "types": ["Linear", "LayerNorm"]},  # L
    "steps": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_model(**cfg["model"])
    if cfg["nan_guard"]["enabled"]:
        install_nan_guards(model, cfg["nan_guard"]["types"])  # L
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for step in range(cfg["steps"]):
        tokens = torch.randint(1, 50, (4, 7))
        tokens[:, 5:] = 0
        loss = F.cross_entropy(model(tokens), torch.randint(0, 3, (4,)))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
