"""BiT-style weight-standardised convolutions in a small ResNet stem (GroupNorm + ReLU)."""
import functools

import torch
import torch.nn as nn
import torch.nn.functional as F


class StdConv2d(nn.Conv2d):
    def __init__(self, *args, eps=1e-6, **kwargs):
        super().__init__(*args, **kwargs)
        self.eps = eps

    @property
    def standardized_weight(self):
        dims = (1, 2, 3)
        w = self.weight - self.weight.mean(dim=dims, keepdim=True)
        std = w.std(dim=dims, keepdim=True, unbiased=False)
        return w.div_(std + self.eps)  # L

    def forward(self, x):
        return F.conv2d(x, self.standardized_weight, self.bias, self.stride, self.padding,
                        self.dilation, self.groups)


conv3x3 = functools.partial(StdConv2d, kernel_size=3, padding=1, bias=False, eps=1e-5)


class PreActUnit(nn.Module):
    def __init__(self, ch, groups=2):
        super().__init__()
        self.norm1, self.conv1 = nn.GroupNorm(groups, ch), conv3x3(ch, ch)
        self.norm2, self.conv2 = nn.GroupNorm(groups, ch), conv3x3(ch, ch)

    def forward(self, x):
        h = self.conv1(F.relu(self.norm1(x)))
        h = self.conv2(F.relu(self.norm2(h)))
        return x + h


class TinyBiT(nn.Module):
    def __init__(self, width=8, n_units=2, n_classes=5):
        super().__init__()
        self.stem = conv3x3(3, width)
        self.units = nn.Sequential(*[PreActUnit(width) for _ in range(n_units)])
        self.head = nn.Sequential(nn.GroupNorm(2, width), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
                                  nn.Flatten(), nn.Linear(width, n_classes))

    def forward(self, x):
        return self.head(self.units(self.stem(x)))


def run():
    torch.manual_seed(0)
    model = TinyBiT()
    opt = torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9, nesterov=True)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=2)
    for _ in range(2):
        x, y = torch.randn(4, 3, 8, 8), torch.randint(0, 5, (4,))
        loss = F.cross_entropy(model(x), y, label_smoothing=0.1)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
