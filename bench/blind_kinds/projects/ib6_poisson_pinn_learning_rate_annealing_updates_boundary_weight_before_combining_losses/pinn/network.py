import torch.nn as nn


class FCN(nn.Module):
    def __init__(self, layers=(1, 20, 20, 1)):
        super().__init__()
        mods = []
        for i, (d_in, d_out) in enumerate(zip(layers[:-1], layers[1:])):
            lin = nn.Linear(d_in, d_out)
            nn.init.xavier_normal_(lin.weight)
            nn.init.zeros_(lin.bias)
            mods.append(lin)
            if i < len(layers) - 2:
                mods.append(nn.Tanh())
        self.net = nn.Sequential(*mods)

    def forward(self, x):
        return self.net(x)
