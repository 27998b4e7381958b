import sys

import torch

sys.path.insert(0, "src")
from detkit.head import ClsHead  # noqa: E402


def main():
    torch.manual_seed(0)
    head = ClsHead(4, 3)
    feats = torch.randn(6, 4)
    targets = torch.randint(0, 2, (6, 3))
    head.loss(feats, targets).backward()


if __name__ == "__main__":
    main()
