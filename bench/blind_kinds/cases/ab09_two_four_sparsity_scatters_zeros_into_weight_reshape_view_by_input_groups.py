"""2:4 semi-structured sparsity applied in the forward: in every group of four consecutive input
weights of a row the two smallest magnitudes are zeroed.  The groups come from reshaping the
weight, a contiguous Parameter, so the reshape is a view of it."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SparseLinear24(nn.Linear):
    def sparse_weight(self):
        groups = self.weight.reshape(-1, 4)  # groups along the input dimension
        drop = groups.detach().abs().topk(2, dim=1, largest=False).indices
        groups.scatter_(1, drop, 0.0)  # L
        return groups.reshape(self.out_features, self.in_features)

    def forward(self, x):
        return F.linear(x, self.sparse_weight(), self.bias)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([SparseLinear24(8, 16), SparseLinear24(16, 8)])
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        for layer in self.layers:
            x = F.gelu(layer(x))
        return self.head(x)


def run():
    torch.manual_seed(0)
    net = Net()
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(6, 8), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
