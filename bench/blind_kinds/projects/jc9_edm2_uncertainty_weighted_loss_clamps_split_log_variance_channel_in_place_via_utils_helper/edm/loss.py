import torch

from .utils import append_dims, bounded_


class EDM2Loss:
    def __init__(self, p_mean=-1.2, p_std=1.2, sigma_data=0.5, logvar_range=(-4.0, 4.0)):
        self.p_mean, self.p_std, self.sigma_data = p_mean, p_std, sigma_data
        self.logvar_range = logvar_range

    def __call__(self, model, x):
        sigma = (torch.randn(x.shape[0]) * self.p_std + self.p_mean).exp()
        weight = (sigma ** 2 + self.sigma_data ** 2) / (sigma * self.sigma_data) ** 2
        noisy = x + append_dims(sigma, x.dim()) * torch.randn_like(x)
        denoised, logvar = model(noisy, sigma)
        logvar = bounded_(logvar, *self.logvar_range)  # L
        per_sample = (append_dims(weight, x.dim()) * (denoised - x) ** 2).mean(1, keepdim=True)
        return (per_sample / logvar.exp() + logvar).mean()
