import torch.nn as nn
import torch.nn.functional as F


class ICNNLayer(nn.Module):
    """z' = softplus(W_z z + W_x x); convex in x when W_z >= 0."""

    def __init__(self, z_dim, x_dim, out_dim):
        super().__init__()
        self.wz = nn.Linear(z_dim, out_dim, bias=False)
        self.wx = nn.Linear(x_dim, out_dim)

    def forward(self, z, x):
        return F.softplus(self.wz(z) + self.wx(x))


class ICNN(nn.Module):
    def __init__(self, x_dim, widths):
        super().__init__()
        self.first = nn.Linear(x_dim, widths[0])
        self.hidden = nn.ModuleList(ICNNLayer(a, x_dim, b) for a, b in zip(widths[:-1], widths[1:]))
        self.out = ICNNLayer(widths[-1], x_dim, 1)

    def forward(self, x):
        z = F.softplus(self.first(x))
        for layer in self.hidden:
            z = layer(z, x)
        return self.out(z, x).squeeze(-1)
