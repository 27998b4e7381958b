"""Train the refining DETR with a fixed query-to-target assignment (no matcher, a toy) and
auxiliary box losses on every decoder layer."""
import torch
import torch.nn.functional as F

from refdet import RefineDETR

CFG = {"dim": 8, "queries": 5, "depth": 3, "classes": 3, "lr": 1e-3, "steps": 2, "aux_weight": 1.0}


def main(cfg):
    torch.manual_seed(0)
    model = RefineDETR(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    for step in range(cfg["steps"]):
        images = torch.randn(2, 3, 8, 8)
        labels = torch.randint(0, cfg["classes"] + 1, (2, cfg["queries"]))
        target_boxes = torch.rand(2, cfg["queries"], 4)
        logits, boxes = model(images)  # L
        loss = F.cross_entropy(logits.flatten(0, 1), labels.flatten())
        for i, b in enumerate(boxes):
            weight = 1.0 if i == len(boxes) - 1 else cfg["aux_weight"]
            loss = loss + weight * F.l1_loss(b, target_boxes)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main(CFG)
