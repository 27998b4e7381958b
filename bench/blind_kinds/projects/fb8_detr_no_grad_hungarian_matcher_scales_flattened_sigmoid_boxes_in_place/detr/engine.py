import torch

from .config import DEFAULTS, merge
from .criterion import SetCriterion
from .matcher import HungarianMatcher
from .model import TinyDETR


def build(overrides):
    cfg = merge(DEFAULTS, overrides)
    model = TinyDETR(**cfg["model"])
    matcher = HungarianMatcher(image_size=cfg["image_size"], **cfg["matcher"])
    criterion = SetCriterion(cfg["model"]["num_classes"], matcher, **cfg["loss"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    return model, criterion, opt, cfg


def train_one_epoch(model, criterion, opt, dataset, cfg, batch_size=2):
    total = 0.0
    for i in range(0, len(dataset), batch_size):
        images = torch.stack([img for img, _ in dataset[i:i + batch_size]])
        targets = [t for _, t in dataset[i:i + batch_size]]
        loss = criterion(model(images), targets)  # L
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        opt.step()
        total += loss.item()
    return total
