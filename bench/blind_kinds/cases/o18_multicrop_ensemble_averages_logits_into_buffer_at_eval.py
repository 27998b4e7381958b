"""Multi-crop model: logits averaged into a preallocated buffer only at evaluation."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiCropHead(nn.Module):
    def __init__(self, d_in=12, n_classes=4, n_crops=3, batch=4):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 16), nn.GELU(), nn.Linear(16, n_classes))
        self.n_crops = n_crops
        self.register_buffer("_acc", torch.zeros(batch, n_classes), persistent=False)

    def crops(self, x):
        return [x.roll(shifts=k, dims=-1) for k in range(self.n_crops)]

    def forward(self, x):
        logits = torch.stack([self.net(c) for c in self.crops(x)])
        if torch.is_grad_enabled():
            return logits.mean(dim=0)
        return torch.mean(logits, dim=0, out=self._acc)  # L


def run():
    torch.manual_seed(0)
    model = MultiCropHead()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(4, 12), torch.randint(0, 4, (4,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        acc = (model(torch.randn(4, 12)).argmax(1) == y).float().mean()
    assert 0.0 <= acc.item() <= 1.0
