import torch
import torch.nn as nn

from .blocks import PostAct


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 8)
        self.post = PostAct(8)
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        h = torch.sigmoid(self.fc(x))
        h = self.post(h)  # L
        return self.head(h)
