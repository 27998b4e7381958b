"""Learns 2 synthetic images per class by gradient matching (Zhao et al.), on random data."""
import sys

import torch

sys.path.insert(0, "src")
from condense import ConvNet, SiameseAugment, gradient_match_loss  # noqa: E402

N_CLASSES, IPC = 4, 2


def real_batch(c, n=6):
    return torch.randn(n, 3, 8, 8) + c * 0.5, torch.full((n,), c)


def main():
    torch.manual_seed(0)
    syn = torch.randn(N_CLASSES * IPC, 3, 8, 8, requires_grad=True)
    syn_y = torch.arange(N_CLASSES).repeat_interleave(IPC)
    opt_img = torch.optim.SGD([syn], lr=0.1, momentum=0.5)
    augment = SiameseAugment()
    for it in range(2):
        net = ConvNet(n_classes=N_CLASSES)
        loss = 0.0
        for c in range(N_CLASSES):
            real, real_y = real_batch(c)
            sl, seed = slice(c * IPC, (c + 1) * IPC), it * 100 + c
            loss = loss + gradient_match_loss(net, augment, real, real_y, syn[sl], syn_y[sl], seed)  # L
        opt_img.zero_grad()
        loss.backward()
        opt_img.step()
        print(f"iter {it} match loss {loss.item():.4f}")


if __name__ == "__main__":
    main()
