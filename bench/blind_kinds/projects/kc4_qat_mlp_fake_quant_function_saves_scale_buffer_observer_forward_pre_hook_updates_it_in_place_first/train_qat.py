"""Quantisation-aware training of a small MLP: activations are fake-quantised to int8 by a custom
autograd Function, with a running absmax observer attached to each quantised layer by a hook kind
named in the config."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from qat import QuantLinear, attach_observers

CONFIG = {"hidden": 16, "observer_hook": "forward_pre_hook", "momentum": 0.9, "lr": 0.05, "steps": 3}


def build(cfg):
    return nn.Sequential(QuantLinear(6, cfg["hidden"]), nn.ReLU(), QuantLinear(cfg["hidden"], 3))


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build(cfg)
    handles = attach_observers(model, cfg["observer_hook"], cfg["momentum"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    for _ in range(cfg["steps"]):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    for h in handles:
        h.remove()
    print(float(loss))


if __name__ == "__main__":
    main()
