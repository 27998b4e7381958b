import torch
import torch.nn as nn
import torch.nn.functional as F


class Server:
    def __init__(self, ch=6, size=6, n_classes=3, lr=0.05):
        self.net = nn.Sequential(nn.Conv2d(ch, ch, 3, padding=1), nn.ReLU(), nn.Flatten(),
                                 nn.Linear(ch * size * size, n_classes))
        self.opt = torch.optim.SGD(self.net.parameters(), lr=lr)

    def train_on(self, smashed, y):
        loss = F.cross_entropy(self.net(smashed), y)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return smashed.grad, loss.item()
