"""AugMix (Hendrycks et al. 2020) training step: the clean batch and two augmix views go through the
network in one concatenated pass, and the Jensen-Shannon consistency term compares the three
softmax distributions with their mixture.  The mixture is floored in place before its log to
keep it away from zero, as the reference code's clamp does."""
import torch
import torch.nn as nn
import torch.nn.functional as F

EPS = 1e-7


def augmix_view(x, width=2):
    """A cheap stand-in for augmix chains: a convex mix of random photometric ops."""
    w = torch.distributions.Dirichlet(torch.ones(width)).sample()
    chains = [(x * (0.5 + torch.rand(1))).clamp(0, 1), (x + 0.1 * torch.randn_like(x)).clamp(0, 1)]
    mixed = sum(wi * c for wi, c in zip(w, chains))
    m = torch.distributions.Beta(1.0, 1.0).sample()
    return m * x + (1 - m) * mixed


def jsd_loss(logits, batch):
    p_clean, p_aug1, p_aug2 = F.softmax(logits, dim=1).split(batch)
    p_mix = (p_clean + p_aug1 + p_aug2) / 3.0
    log_mix = p_mix.clamp_(EPS, 1.0).log()  # L
    return (F.kl_div(log_mix, p_clean, reduction="batchmean")
            + F.kl_div(log_mix, p_aug1, reduction="batchmean")
            + F.kl_div(log_mix, p_aug2, reduction="batchmean")) / 3.0


def run():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
                        nn.Flatten(), nn.Linear(8, 5))
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    x, y = torch.rand(4, 3, 12, 12), torch.randint(0, 5, (4,))
    logits = net(torch.cat([x, augmix_view(x), augmix_view(x)]))
    loss = F.cross_entropy(logits[: x.size(0)], y) + 12.0 * jsd_loss(logits, x.size(0))
    opt.zero_grad()
    loss.backward()
    opt.step()
