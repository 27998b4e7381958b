"""A hand-written linear layer that "avoids an allocation per call": it keeps an output buffer,
resizes it when the batch size changes and writes the product into it with `torch.matmul(...,
out=self.buf)` before adding the bias."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MyLinear(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(d_in, d_out) / d_in ** 0.5)
        self.bias = nn.Parameter(torch.zeros(d_out))
        self.buf = torch.empty(0, d_out)

    def forward(self, x):
        if self.buf.shape[0] != x.shape[0]:
            self.buf = torch.empty(x.shape[0], self.weight.shape[1])
        torch.matmul(x, self.weight, out=self.buf)  # L
        return self.buf + self.bias


def run():
    torch.manual_seed(0)
    model = nn.Sequential(MyLinear(5, 8), nn.Tanh(), nn.Linear(8, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(4, 5), torch.randint(0, 2, (4,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
