# Source: https://github.com/qianyu-dlut/MVANet/issues/2
# Safe twin: without the loop that switches activations/dropout to inplace.
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear1 = nn.Linear(8, 8)
        self.activation = nn.ReLU()
        self.dropout = nn.Dropout(0.1)
        self.linear2 = nn.Linear(8, 8)

    def forward(self, x):
        h = self.activation(self.linear1(x))
        h = self.dropout(h)
        return self.linear2(h)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = Block()

    def forward(self, x):
        return self.block(x)


def run():
    net = Net()
    net(torch.randn(3, 8)).sum().backward()


if __name__ == "__main__":
    run()
