import torch
import torch.nn.functional as F


class GaussianDiffusion:
    def __init__(self, steps=50, beta_start=1e-4, beta_end=0.02):
        self.steps = steps
        betas = torch.linspace(beta_start, beta_end, steps)
        self.alphas_cumprod = torch.cumprod(1 - betas, dim=0)

    def q_sample(self, x0, t, noise):
        ab = self.alphas_cumprod[t].view(-1, *([1] * (x0.dim() - 1)))
        return ab.sqrt() * x0 + (1 - ab).sqrt() * noise

    def training_loss(self, model, x0, y):
        t = torch.randint(0, self.steps, (x0.shape[0],))
        noise = torch.randn_like(x0)
        eps = model(self.q_sample(x0, t, noise), t, y)  # L
        return F.mse_loss(eps, noise)
