import torch
import torch.nn as nn
import torch.nn.functional as F

from paws import PawsLoss

CLASSES, PER_CLASS = 3, 2


def main():
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 8))
    opt = torch.optim.SGD(encoder.parameters(), lr=0.05, momentum=0.9)
    criterion = PawsLoss()
    labels = F.one_hot(torch.arange(CLASSES).repeat_interleave(PER_CLASS), CLASSES).float()
    for step in range(2):
        support_x = torch.randn(CLASSES * PER_CLASS, 10)
        view1 = torch.randn(4, 10)
        view2 = view1 + 0.1 * torch.randn(4, 10)
        z = encoder(torch.cat([view1, view2, support_x]))
        anchors, targets, supports = z[:8], torch.cat([z[4:8], z[:4]]), z[8:]
        loss = criterion(anchors, targets, supports, labels)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
