"""Multi-scale feature pooling; the reused buffer holds only the (constant) level position maps."""
import torch
import torch.nn as nn
import torch.nn.functional as F

AGGREGATORS = {}


def register(name):
    def deco(cls):
        AGGREGATORS[name] = cls
        return cls
    return deco


class LevelStacker:
    """Stacks equally sized level maps into one preallocated buffer (no allocation per step)."""

    def __init__(self):
        self._buf = None

    def __call__(self, levels):
        shape = (levels[0].shape[0], len(levels), *levels[0].shape[1:])
        if self._buf is None or self._buf.shape != shape:
            self._buf = torch.empty(shape)
        torch.stack(levels, dim=1, out=self._buf)  # L
        return self._buf


@register("mean")
class MeanFusion(nn.Module):
    def __init__(self, ch, n_levels, size):
        super().__init__()
        self.stack = LevelStacker()
        self.level_weight = nn.Parameter(torch.zeros(n_levels))
        self.register_buffer("level_pos", torch.linspace(-1, 1, n_levels).view(n_levels, 1, 1, 1))

    def forward(self, feats, size):
        feats = [F.interpolate(f, size=size, mode="nearest") for f in feats]
        pos = self.stack([p.expand(feats[0].shape[0], 1, *size) for p in self.level_pos])
        stacked = torch.stack(feats, dim=1) + pos
        w = self.level_weight.softmax(0).view(1, -1, 1, 1, 1)
        return (stacked * w).sum(1)


class Pyramid(nn.Module):
    def __init__(self, ch=6, n_levels=3, n_classes=4, fusion="mean", **fusion_kwargs):
        super().__init__()
        self.stem = nn.Conv2d(3, ch, 3, padding=1)
        self.downs = nn.ModuleList(nn.Conv2d(ch, ch, 3, stride=2, padding=1) for _ in range(n_levels - 1))
        self.fuse = AGGREGATORS[fusion](ch, n_levels, **fusion_kwargs)
        self.cls = nn.Linear(ch, n_classes)

    def forward(self, x):
        feats = [F.relu(self.stem(x))]
        for down in self.downs:
            feats.append(F.relu(down(feats[-1])))
        fused = self.fuse(feats, size=feats[-1].shape[-2:])
        return self.cls(fused.mean((2, 3)))


def run():
    torch.manual_seed(0)
    model = Pyramid(size=None)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(2, 3, 8, 8), torch.randint(0, 4, (2,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
