"""Classify packed RAW images with a learned ISP in front of the classifier."""
import torch
import torch.nn.functional as F

from rawcls import RawPipeline

CONFIG = {
    "isp": {"width": 8, "output": "hardtanh"},  # L
    "jitter": {"brightness": 0.3, "contrast": 0.3},
    "classes": 3,
    "lr": 2e-3,
    "steps": 2,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = RawPipeline(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        raw = torch.rand(4, 4, 8, 8)
        labels = torch.randint(0, cfg["classes"], (4,))
        loss = F.cross_entropy(model(raw), labels)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
