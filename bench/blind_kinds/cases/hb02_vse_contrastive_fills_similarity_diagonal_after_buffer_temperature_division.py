"""Image-text matching trained with a symmetric InfoNCE loss plus a VSE++ max-violation hinge on
the same similarity matrix. The temperature of the InfoNCE logits is fixed (a buffer); for
the hinge the positives are read off the diagonal, which is then filled in place so that the row
maximum picks the hardest negative."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DualEncoder(nn.Module):
    def __init__(self, d_img, d_txt, d, learn_temperature=True):
        super().__init__()
        self.img = nn.Sequential(nn.Linear(d_img, 16), nn.ReLU(), nn.Linear(16, d))
        self.txt = nn.Sequential(nn.Linear(d_txt, 16), nn.ReLU(), nn.Linear(16, d))
        tau = torch.tensor(0.07)
        if learn_temperature:
            self.tau = nn.Parameter(tau)
        else:
            self.register_buffer("tau", tau)

    def forward(self, images, texts):
        return F.normalize(self.img(images), dim=-1), F.normalize(self.txt(texts), dim=-1)


def matching_loss(sims, tau, margin=0.2):
    labels = torch.arange(sims.shape[0])
    logits = sims / tau
    nce = 0.5 * (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels))
    pos = sims.diag()
    sims.fill_diagonal_(-2.0)  # L
    hardest = sims.max(dim=1).values
    return nce + F.relu(margin + hardest - pos).mean()


def run(learn_temperature=False):
    torch.manual_seed(0)
    model = DualEncoder(6, 5, 4, learn_temperature)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        zi, zt = model(torch.randn(8, 6), torch.randn(8, 5))
        loss = matching_loss(zi @ zt.t(), model.tau)
        opt.zero_grad()
        loss.backward()
        opt.step()
