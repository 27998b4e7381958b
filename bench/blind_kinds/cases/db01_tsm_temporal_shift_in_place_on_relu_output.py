"""Temporal Shift Module (Lin et al.) for clip classification, in its memory-saving in-place form:
a quarter of the channels is shifted one frame back and a quarter one frame forward by writing the
feature map itself. Each block shifts its ReLU output."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def temporal_shift_(x, n_frames, fold_div=4):
    nt, c, h, w = x.shape
    clip = x.view(nt // n_frames, n_frames, c, h, w)
    fold = c // fold_div
    ahead = clip[:, 1:, :fold].clone()
    behind = clip[:, :-1, fold:2 * fold].clone()
    clip[:, :-1, :fold] = ahead  # L
    clip[:, -1, :fold] = 0  # L
    clip[:, 1:, fold:2 * fold] = behind  # L
    clip[:, 0, fold:2 * fold] = 0  # L
    return x


class ShiftBlock(nn.Module):
    def __init__(self, channels, n_frames):
        super().__init__()
        self.n_frames = n_frames
        self.conv = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(channels)

    def forward(self, x):
        y = F.relu(self.bn(self.conv(x)))
        return x + temporal_shift_(y, self.n_frames)  # L


class TSMNet(nn.Module):
    def __init__(self, n_frames=4, width=8, n_classes=3):
        super().__init__()
        self.n_frames = n_frames
        self.stem = nn.Conv2d(3, width, 3, padding=1)
        self.blocks = nn.ModuleList(ShiftBlock(width, n_frames) for _ in range(2))
        self.head = nn.Linear(width, n_classes)

    def forward(self, clips):
        b, t = clips.shape[:2]
        x = self.stem(clips.flatten(0, 1))
        for block in self.blocks:
            x = block(x)
        feats = x.mean((2, 3)).view(b, t, -1).mean(1)
        return self.head(feats)


def run():
    torch.manual_seed(0)
    model = TSMNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for _ in range(2):
        clips, labels = torch.randn(2, 4, 3, 8, 8), torch.randint(0, 3, (2,))
        loss = F.cross_entropy(model(clips), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
