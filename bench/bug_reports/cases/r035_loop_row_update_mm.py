# Source: https://www.yongfengli.tk/2018/04/13/inplace-operation-in-pytorch.html
# Report (blog write-up of a user's error): inside forward, `b = torch.mm(self.param, a)`
# then in a loop `b[i] = b[i] + 1` and `y = y + torch.mm(self.param, b)`; the mm
# of one iteration saved b and the next iteration's row write modifies it.
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
            b[i] = b[i] + 1  # hazard
            y = y + torch.mm(self.param, b)
        return y


def run():
    net = Net()
    net(torch.randn(4, 1)).sum().backward()


if __name__ == "__main__":
    run()
