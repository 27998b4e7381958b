"""Multi-view self-supervised pretraining: all views in one batch through encoder and projector,
the loss compares the views pairwise."""
import torch
import torch.nn as nn

from mv import MultiViewLoss, build_projector

N_VIEWS = 3


def views_of(x, n):
    return torch.cat([x + 0.1 * torch.randn_like(x) for _ in range(n)])


def main():
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(6, 16), nn.ReLU())
    projector = build_projector([16, 16, 8])
    crit = MultiViewLoss(N_VIEWS)
    opt = torch.optim.SGD(list(encoder.parameters()) + list(projector.parameters()), lr=0.05)
    for _ in range(3):
        z = projector(encoder(views_of(torch.randn(4, 6), N_VIEWS)))
        loss = crit(z)
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
