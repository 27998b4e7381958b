import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from seghead import Backbone, make_head  # noqa: E402

CONFIG = {
    "backbone": {"in_ch": 2, "width": 6, "depth": 2},
    "head": {"name": "calibrated", "n_classes": 3, "prior": (0.5, 1.0, 0.8)},
    "lr": 0.05,
    "steps": 3,
}


class Segmenter(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.backbone = Backbone(**cfg["backbone"])
        head_cfg = dict(cfg["head"])
        self.head = make_head(head_cfg.pop("name"), in_ch=self.backbone.out_ch, **head_cfg)

    def forward(self, x):
        return self.head(self.backbone(x))


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = Segmenter(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    for step in range(cfg["steps"]):
        x = torch.randn(4, 2, 10)
        target = (torch.rand(4, 3, 10) > 0.5).float()
        probs = model(x)
        loss = F.binary_cross_entropy(probs, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    print("loss", loss.item())


if __name__ == "__main__":
    main()
