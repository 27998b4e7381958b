import torch
import torch.nn.functional as F


def joint_loss(ae, denoiser, schedule, x, recon_weight=1.0):
    """Reconstruction of the data plus epsilon prediction in latent space, one backward for both."""
    z0 = ae.encode(x)
    recon = F.mse_loss(ae.decode(z0), x)
    t = schedule.sample_t(x.shape[0])
    noise = torch.randn_like(z0)
    zt = schedule.q_sample_(z0, t, noise)  # L
    return recon_weight * recon + F.mse_loss(denoiser(zt, t), noise)
