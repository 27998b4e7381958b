import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, d_in, dims=(16, 8)):
        super().__init__()
        layers, prev = [], d_in
        for i, d in enumerate(dims):
            layers.append(nn.Linear(prev, d))
            if i < len(dims) - 1:
                layers.append(nn.ReLU())
            prev = d
        self.net = nn.Sequential(*layers)
        self.out_dim = prev

    def forward(self, x):
        return self.net(x)
