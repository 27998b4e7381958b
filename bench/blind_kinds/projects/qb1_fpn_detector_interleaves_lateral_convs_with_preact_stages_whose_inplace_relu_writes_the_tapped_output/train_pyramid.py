"""Train the pyramid detector on random images with random dense targets."""
import torch
import torch.nn.functional as F

from pyrdet import PyramidDetector

CONFIG = {
    "stem": 6,
    "widths": [8, 12, 16],
    "fpn_dim": 8,
    "interleave_laterals": True,  # L
    "lr": 0.01,
    "steps": 2,
}


def train(cfg):
    torch.manual_seed(0)
    model = PyramidDetector(cfg)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, weight_decay=4e-5)
    for step in range(cfg["steps"]):
        images = torch.randn(2, 3, 16, 16)
        preds = model(images)  # L
        obj_target = (torch.rand(preds.shape[:2]) > 0.8).float()
        box_target = torch.rand(preds.shape[0], preds.shape[1], 4)
        loss = F.binary_cross_entropy_with_logits(preds[..., 0], obj_target)
        loss = loss + (F.l1_loss(preds[..., 1:], box_target, reduction="none").sum(-1) * obj_target).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    train(CONFIG)
