import torch
import torch.nn as nn
import torch.nn.functional as F


class TokenReweighter(nn.Module):
    """Scales each sequence's token features by a per-sequence confidence weight."""

    def __init__(self, d_in=6, d_hid=10, n_cls=3):
        super().__init__()
        self.enc = nn.Linear(d_in, d_hid)
        self.head = nn.Linear(d_hid, n_cls)

    def forward(self, x, conf):
        h = self.enc(x)  # (B, T, H): addmm keeps no copy of its output
        for seq, c in zip(h, conf):
            seq.mul_(c)  # L
        return self.head(torch.tanh(h).mean(1))


def run():
    torch.manual_seed(0)
    model = TokenReweighter()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    x, y = torch.randn(4, 5, 6), torch.randint(0, 3, (4,))
    conf = torch.rand(4)
    loss = F.cross_entropy(model(x, conf), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
