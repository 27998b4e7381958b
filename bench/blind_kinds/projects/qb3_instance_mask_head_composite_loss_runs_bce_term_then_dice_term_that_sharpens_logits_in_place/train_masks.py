"""Train the mask head on random ROI features and random binary masks."""
import torch

from maskseg import CompositeMaskLoss, MaskHead

CFG = dict(
    channels=8,
    classes=3,
    loss_terms=[("bce", 1.0), ("dice", 0.5)],  # L
    lr=0.02,
    steps=2,
)


def main(cfg):
    torch.manual_seed(0)
    head = MaskHead(cfg["channels"], cfg["classes"])
    criterion = CompositeMaskLoss(cfg["loss_terms"])
    opt = torch.optim.SGD(head.parameters(), lr=cfg["lr"], momentum=0.9)
    for step in range(cfg["steps"]):
        rois = torch.randn(5, cfg["channels"], 7, 7)
        labels = torch.randint(0, cfg["classes"], (5,))
        target = (torch.rand(5, 14, 14) > 0.5).float()
        loss = criterion(head(rois, labels), target)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main(CFG)
