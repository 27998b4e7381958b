import torch
import torch.nn as nn


class Attn(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.q = nn.Linear(d, d)
        self.k = nn.Linear(d, d)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, mask):
        s = self.q(x) @ self.k(x).transpose(1, 2)
        a = self.drop(s.softmax(-1))
        a.masked_fill_(mask, 0.0)  # L
        return a @ x


def run():
    torch.manual_seed(0)
    m = Attn(4)
    x = torch.randn(2, 3, 4, requires_grad=True)
    mask = torch.zeros(2, 3, 3, dtype=torch.bool)
    mask[:, :, 2] = True
    m(x, mask).sum().backward()
