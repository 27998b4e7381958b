"""PixelCNN masked convolution: the causal mask is applied to the kernel at every forward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MaskedConv2d(nn.Conv2d):
    def __init__(self, mask_type, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _, _, kh, kw = self.weight.shape
        mask = torch.ones_like(self.weight)
        mask[:, :, kh // 2, kw // 2 + (mask_type == "B"):] = 0
        mask[:, :, kh // 2 + 1:] = 0
        self.register_buffer("mask", mask)

    def forward(self, x):
        self.weight *= self.mask  # L
        return super().forward(x)


class TinyPixelCNN(nn.Module):
    def __init__(self, hidden=8, levels=4):
        super().__init__()
        self.layers = nn.ModuleList([MaskedConv2d("A", 1, hidden, 5, padding=2),
                                     MaskedConv2d("B", hidden, hidden, 3, padding=1)])
        self.out = nn.Conv2d(hidden, levels, 1)

    def forward(self, x):
        for conv in self.layers:
            x = F.relu(conv(x))
        return self.out(x)


def run():
    torch.manual_seed(0)
    net = TinyPixelCNN()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        img = torch.randint(0, 4, (2, 1, 6, 6))
        logits = net(img.float() / 3)
        loss = F.cross_entropy(logits, img[:, 0])
        opt.zero_grad()
        loss.backward()
        opt.step()
