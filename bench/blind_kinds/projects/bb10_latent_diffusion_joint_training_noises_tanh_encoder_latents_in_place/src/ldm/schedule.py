import torch


class NoiseSchedule:
    def __init__(self, steps=50, beta_start=1e-4, beta_end=0.02):
        betas = torch.linspace(beta_start, beta_end, steps)
        alphas_cumprod = torch.cumprod(1.0 - betas, dim=0)
        self.steps = steps
        self.sqrt_ab = alphas_cumprod.sqrt()
        self.sqrt_1m_ab = (1.0 - alphas_cumprod).sqrt()

    def sample_t(self, n):
        return torch.randint(0, self.steps, (n,))

    def q_sample_(self, z0, t, noise):
        """z_t = sqrt(ab_t) z0 + sqrt(1 - ab_t) eps, written over z0 (the clean latent is not
        needed once it is noised)."""
        a, s = self.sqrt_ab[t][:, None], self.sqrt_1m_ab[t][:, None]
        return z0.mul_(a).add_(s * noise)  # L
