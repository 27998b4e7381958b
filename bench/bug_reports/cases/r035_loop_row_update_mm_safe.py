# Source: https://www.yongfengli.tk/2018/04/13/inplace-operation-in-pytorch.html
# Safe twin: the write-up's fix -- add a one-hot row out of place.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.param = nn.Parameter(torch.randn(4, 4))

    def forward(self, a):
        y = 0
        b = torch.mm(self.param, a)
        for i in range(4):
            bione = torch.zeros(4, 1)
            bione[i] = 1
            b = b + bione
            y = y + torch.mm(self.param, b)
        return y


def run():
    net = Net()
    net(torch.randn(4, 1)).sum().backward()


if __name__ == "__main__":
    run()
