import torch


def min_snr_weight(gamma, clip=5.0):
    """Min-SNR-gamma weighting for an epsilon-prediction loss: min(SNR, clip) / SNR."""
    snr = torch.exp(-gamma)
    weight = snr.clamp_(max=clip)  # L
    return weight / torch.exp(-gamma)


def weighted_eps_loss(pred, eps, gamma, clip):
    w = min_snr_weight(gamma, clip)  # L
    return (w.squeeze(1) * ((pred - eps) ** 2).mean(1)).mean()
