import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self, d_in, hid=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hid), nn.LeakyReLU(0.2), nn.Linear(hid, hid),
                                 nn.LeakyReLU(0.2), nn.Linear(hid, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)
