"""Quantisation-aware training of a small classifier with fake-quantised activations."""
import torch
import torch.nn.functional as F

from models import QuantMLP
from quant import QuantizerPool

CONFIG = {
    "dims": [6, 16, 16, 3],
    "act_quant": {"bits": 4, "momentum": 0.1},
    "share_act_quant": False,
    "lr": 1e-2,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    pool = QuantizerPool(shared=cfg["share_act_quant"], **cfg["act_quant"])
    model = QuantMLP(cfg["dims"], pool)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    for _ in range(3):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("loss", round(loss.item(), 4), "scales", [round(float(q.scale), 4) for q in model.act_quants])


if __name__ == "__main__":
    main()
