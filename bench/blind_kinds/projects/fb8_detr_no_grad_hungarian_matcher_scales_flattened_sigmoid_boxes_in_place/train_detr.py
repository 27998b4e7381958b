"""A tiny DETR: object queries attend to a CNN feature map, each query predicts a class (or
"no object") and a box; the set loss matches queries to ground-truth boxes with the Hungarian
algorithm and costs measured in pixels."""
import torch

from detr import build, train_one_epoch

OVERRIDES = {"model": {"num_queries": 4}, "matcher": {"cost_bbox": 5.0, "cost_giou": 2.0}, "epochs": 1}


def toy_dataset(n_images=2, size=32):
    data = []
    for _ in range(n_images):
        n = int(torch.randint(1, 3, ()))
        xy = torch.rand(n, 2) * 0.5
        wh = torch.rand(n, 2) * 0.3 + 0.1
        boxes = torch.cat([xy + wh / 2, wh], -1)
        data.append((torch.randn(3, size, size), {"labels": torch.randint(0, 3, (n,)), "boxes": boxes}))
    return data


if __name__ == "__main__":
    torch.manual_seed(0)
    model, criterion, opt, cfg = build(OVERRIDES)
    for epoch in range(cfg["epochs"]):
        print(epoch, train_one_epoch(model, criterion, opt, toy_dataset(), cfg))
