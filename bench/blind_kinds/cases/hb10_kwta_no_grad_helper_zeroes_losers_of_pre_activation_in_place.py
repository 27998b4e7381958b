"""A k-winners-take-all layer (Numenta's sparse networks, Xiao et al.'s k-WTA defence): only the
k largest units of each row survive. The mask is computed and applied by a @torch.no_grad()
helper, in place, on the linear layer's pre-activations; the ReLU comes after (the losers are
zero either way where the k-th largest value is positive)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


@torch.no_grad()
def keep_top_k_(h, k):
    threshold = h.topk(k, dim=-1).values[..., -1:]
    h.masked_fill_(h < threshold, 0.0)  # L
    return h


class KWTALinear(nn.Module):
    def __init__(self, d_in, d_out, k):
        super().__init__()
        self.fc, self.k = nn.Linear(d_in, d_out), k

    def forward(self, x):
        return F.relu(keep_top_k_(self.fc(x), self.k))  # L


def run():
    torch.manual_seed(0)
    model = nn.Sequential(KWTALinear(8, 32, k=6), KWTALinear(32, 32, k=6), nn.Linear(32, 4))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(10, 8), torch.randint(0, 4, (10,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
