import torch.nn.functional as F


def spectral_convergence(est, clean):
    return (clean - est).norm() / clean.norm()


def enhancement_loss(est, clean, sc_weight=0.5):
    return F.l1_loss(est, clean) + sc_weight * spectral_convergence(est, clean)
