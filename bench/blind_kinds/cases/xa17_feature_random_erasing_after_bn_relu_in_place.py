"""Random erasing applied to feature maps inside the network (a regulariser in the spirit of
Cutout/DropBlock): one random rectangle per sample is zeroed in place during training."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def random_erase_(feat, max_frac=0.5, generator=None):
    n, _, h, w = feat.shape
    for i in range(n):
        eh = int(torch.randint(1, max(2, int(h * max_frac)) + 1, (1,), generator=generator))
        ew = int(torch.randint(1, max(2, int(w * max_frac)) + 1, (1,), generator=generator))
        y0 = int(torch.randint(0, h - eh + 1, (1,), generator=generator))
        x0 = int(torch.randint(0, w - ew + 1, (1,), generator=generator))
        feat[i, :, y0 : y0 + eh, x0 : x0 + ew] = 0  # L
    return feat


class ErasingConvNet(nn.Module):
    def __init__(self, ch=4, n_classes=3):
        super().__init__()
        self.conv1 = nn.Conv2d(3, ch, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(ch)
        self.conv2 = nn.Conv2d(ch, ch, 3, padding=1)
        self.head = nn.Linear(ch, n_classes)
        self.gen = torch.Generator().manual_seed(0)

    def forward(self, x):
        feat = F.relu(self.bn1(self.conv1(x)))
        if self.training:
            feat = random_erase_(feat, generator=self.gen)  # L
        feat = F.relu(self.conv2(feat))
        return self.head(feat.mean((2, 3)))


def run():
    torch.manual_seed(0)
    net = ErasingConvNet()
    opt = torch.optim.SGD(net.parameters(), lr=0.05, weight_decay=5e-4)
    for _ in range(2):
        x, y = torch.randn(4, 3, 6, 6), torch.randint(0, 3, (4,))
        loss = F.cross_entropy(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
