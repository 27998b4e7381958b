import torch

from lth import build_model, iterative_magnitude_pruning

CONFIG = {"arch": "tiny", "d_in": 10, "n_classes": 3, "rounds": 2, "rate": 0.2, "steps": 3, "lr": 0.05}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    data = torch.randn(16, cfg["d_in"]), torch.randint(0, cfg["n_classes"], (16,))
    model = build_model(cfg["arch"], cfg["d_in"], cfg["n_classes"])
    masks, history = iterative_magnitude_pruning(  # L
        model, data, rounds=cfg["rounds"], rate=cfg["rate"], steps=cfg["steps"], lr=cfg["lr"])
    density = sum(m.sum().item() for m in masks.values()) / sum(m.numel() for m in masks.values())
    print("losses", [round(h, 4) for h in history], "density", round(density, 3))


if __name__ == "__main__":
    main()
