"""Two-level YOLO head on random feature maps, trained against dense random targets."""
import torch
import torch.nn as nn

from yolo import YoloHead, YoloLoss

ANCHORS = [[[10, 13], [16, 30]], [[30, 61], [62, 45]]]
STRIDES = [8, 16]


class Neck(nn.Module):
    def __init__(self, width=8):
        super().__init__()
        self.p3 = nn.Sequential(nn.Conv2d(3, width, 3, stride=8, padding=1), nn.SiLU())
        self.p4 = nn.Sequential(nn.Conv2d(width, 2 * width, 3, stride=2, padding=1), nn.SiLU())

    def forward(self, x):
        p3 = self.p3(x)
        return [p3, self.p4(p3)]


def main(steps=2, classes=2):
    torch.manual_seed(0)
    neck, head = Neck(), YoloHead([8, 16], anchors_per_level=2, classes=classes)
    criterion = YoloLoss(ANCHORS, STRIDES)
    params = list(neck.parameters()) + list(head.parameters())
    opt = torch.optim.SGD(params, lr=0.01, momentum=0.937, nesterov=True)
    for step in range(steps):
        images = torch.randn(2, 3, 32, 32)
        pred = head(neck(images))
        targets = torch.rand(pred.shape[0], pred.shape[1], 5 + classes) * 32
        targets[..., 4] = (targets[..., 4] > 16).float()
        loss = criterion(pred, head.level_shapes, targets)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
