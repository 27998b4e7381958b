import torch


def feature_jitter_(feat, std):
    """Gaussian jitter on the latent features the actor sees (a cheap stand-in for image shifts)."""
    if std > 0:
        feat.add_(torch.randn_like(feat), alpha=std)  # L
    return feat
