"""Binary segmentation of random blobs with a tiny U-Net, Dice+BCE and a running IoU meter."""
import torch

from segkit import BinaryIoU, DiceBCELoss, Trainer, TinyUNet

CONFIG = {
    "width": 8,
    "lr": 1e-3,
    "steps": 2,
    "meter_on": "after_loss",  # L
    "threshold": 0.5,
}


def random_batch(n=2, size=8):
    images = torch.randn(n, 3, size, size)
    masks = (images[:, :1] > 0.3).float()
    return images, masks


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = TinyUNet(width=cfg["width"])
    trainer = Trainer(model, DiceBCELoss(), torch.optim.Adam(model.parameters(), lr=cfg["lr"]))
    meter = BinaryIoU(cfg["threshold"])
    trainer.add_hook(cfg["meter_on"], meter)
    for step in range(cfg["steps"]):
        loss = trainer.step(*random_batch())  # L
        print(step, round(loss, 4), "iou", round(meter.value, 3))


if __name__ == "__main__":
    main()
