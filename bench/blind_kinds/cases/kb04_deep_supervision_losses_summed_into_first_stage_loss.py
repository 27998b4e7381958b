"""Deep supervision: every stage of the network has its own classifier and the total loss is the
sum of the stage losses, accumulated with += into the first stage's loss tensor itself."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class StagedNet(nn.Module):
    def __init__(self, d_in=6, width=10, n_classes=3, n_stages=3):
        super().__init__()
        self.stages = nn.ModuleList()
        self.heads = nn.ModuleList()
        d = d_in
        for _ in range(n_stages):
            self.stages.append(nn.Sequential(nn.Linear(d, width), nn.ReLU()))
            self.heads.append(nn.Linear(width, n_classes))
            d = width

    def forward(self, x):
        outs = []
        for stage, head in zip(self.stages, self.heads):
            x = stage(x)
            outs.append(head(x))
        return outs


def total_loss(outputs, y):
    total = F.cross_entropy(outputs[0], y)
    for out in outputs[1:]:
        total += F.cross_entropy(out, y)  # L
    return total / len(outputs)


def run():
    torch.manual_seed(0)
    model = StagedNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(6, 6), torch.randint(0, 3, (6,))
        loss = total_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
