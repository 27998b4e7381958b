import torch
import torch.nn.functional as F


class GANTrainer:
    def __init__(self, G, D, cfg):
        self.G, self.D, self.cfg = G, D, cfg
        self.opt_g = torch.optim.RMSprop(G.parameters(), lr=cfg.lr_g)
        self.opt_d = torch.optim.Adam(D.parameters(), lr=cfg.lr_d, betas=(0.0, 0.9))

    def _g_update(self, d_fake, retain=False):
        g_loss = F.softplus(-d_fake).mean()
        self.opt_g.zero_grad(set_to_none=True)
        g_loss.backward(retain_graph=retain)
        self.opt_g.step()  # L
        return g_loss.detach()

    def _d_update(self, d_fake, real):
        d_loss = F.softplus(d_fake).mean() + F.softplus(-self.D(real)).mean()
        self.opt_d.zero_grad(set_to_none=True)
        d_loss.backward()
        self.opt_d.step()
        return d_loss.detach()

    def step(self, real):
        fake = self.G(torch.randn(real.size(0), self.cfg.z_dim))
        if self.cfg.g_first:
            # one discriminator pass on the fakes serves both updates
            d_fake = self.D(fake)
            g_loss = self._g_update(d_fake, retain=True)  # L
            d_loss = self._d_update(d_fake, real)
        else:
            d_loss = self._d_update(self.D(fake.detach()), real)
            g_loss = self._g_update(self.D(fake))
        return {"g": g_loss.item(), "d": d_loss.item()}
