# Source: https://github.com/qianyu-dlut/MVANet/issues/2
# Report: the model's __init__ ends with
#   for m in self.modules(): if isinstance(m, (nn.ReLU, nn.Dropout)): m.inplace = True
# so an activation whose output another op saved is later overwritten:
# "... which is output 0 of ReluBackward0 ... modified by an inplace operation".
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
        h = self.dropout(h)  # hazard
        return self.linear2(h)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = Block()
        for m in self.modules():
            if isinstance(m, nn.ReLU) or isinstance(m, nn.Dropout):
                m.inplace = True  # hazard

    def forward(self, x):
        return self.block(x)


def run():
    net = Net()
    net(torch.randn(3, 8)).sum().backward()


if __name__ == "__main__":
    run()
