import torch


def interpolate_(real, fake, eps):
    """Random points on the segments real -> fake, written into the real batch's storage
    (it has been scored already, and the penalty needs a leaf anyway)."""
    return real.mul_(eps).add_(fake * (1 - eps))  # L


def gradient_penalty(critic, real, fake):
    eps = torch.rand(real.shape[0], 1)
    x_hat = interpolate_(real, fake.detach(), eps).requires_grad_(True)  # L
    (grad,) = torch.autograd.grad(critic(x_hat).sum(), x_hat, create_graph=True)
    return (grad.norm(2, dim=1) - 1).pow(2).mean()
