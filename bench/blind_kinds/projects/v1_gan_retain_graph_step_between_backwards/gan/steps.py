import torch
import torch.nn.functional as F

__all__ = ["hinge_d", "adversarial_step"]


def hinge_d(d_real, d_fake):
    return F.relu(1.0 - d_real).mean() + F.relu(1.0 + d_fake).mean()


def adversarial_step(G, D, opts, real, **cfg):
    """One joint step: the critic's scores on the fakes are computed once and used by both losses."""
    z = torch.randn(real.shape[0], G.latent)
    fake = G(z)
    d_fake = D(fake)
    d_loss = hinge_d(D(real), d_fake) + cfg.get("r1", 0.0) * D(real).pow(2).mean()
    opts["d"].zero_grad()
    d_loss.backward(retain_graph=True)
    opts["d"].step()  # L
    g_loss = -d_fake.mean()
    opts["g"].zero_grad()
    g_loss.backward()
    opts["g"].step()
    return {"d": d_loss.item(), "g": g_loss.item()}
