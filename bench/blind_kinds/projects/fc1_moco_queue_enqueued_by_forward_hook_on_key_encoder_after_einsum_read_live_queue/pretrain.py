"""MoCo v2 pretraining of a small MLP encoder; the key queue is filled by a forward hook on the
key encoder."""
import torch
import torch.nn as nn

from moco import MoCo
from train.loop import train_epoch


def main():
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 8))
    model = MoCo(encoder, dim=8, size=16)
    opt = torch.optim.SGD(model.encoder_q.parameters(), lr=0.03, momentum=0.9)
    batches = [torch.randn(4, 6) for _ in range(3)]
    print(train_epoch(model, opt, batches))


if __name__ == "__main__":
    main()
