"""2:4 semi-structured sparsity applied in the forward, with groups of four along the output
dimension (a transposable mask for the backward GEMM): the groups come from reshaping the
transposed weight, which is not contiguous, so the reshape is a copy."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SparseLinear24(nn.Linear):
    def sparse_weight(self):
        groups = self.weight.t().reshape(-1, 4)  # groups along the output dimension
        drop = groups.detach().abs().topk(2, dim=1, largest=False).indices
        groups.scatter_(1, drop, 0.0)  # L
        return groups.reshape(self.in_features, self.out_features).t()

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
