import torch
import torch.nn as nn

from .losses import build_loss
from .utils import pairwise_recall_at_1


class Trainer:
    def __init__(self, cfg):
        d, m, o = cfg["data"], cfg["model"], cfg["optim"]
        self.model = nn.Sequential(nn.Linear(d["in_dim"], m["hidden"]), nn.BatchNorm1d(m["hidden"]), nn.ReLU(),
                                   nn.Linear(m["hidden"], m["embed_dim"]))
        self.criterion = build_loss(cfg["loss"], d["n_classes"], m["embed_dim"])
        groups = [{"params": self.model.parameters()},
                  {"params": self.criterion.parameters(), "lr": o["lr"] * o["proxy_lr_mult"]}]
        self.opt = getattr(torch.optim, o["name"])(groups, lr=o["lr"])

    def step(self, x, labels):
        emb = self.model(x)
        loss = self.criterion(emb, labels)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item(), pairwise_recall_at_1(emb.detach(), labels)
