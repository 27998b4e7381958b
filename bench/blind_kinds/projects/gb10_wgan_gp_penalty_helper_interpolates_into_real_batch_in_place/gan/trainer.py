import torch

from .penalties import gradient_penalty


class WGANGPTrainer:
    def __init__(self, gen, critic, z_dim, gp_weight):
        self.gen, self.critic, self.z_dim, self.gp_weight = gen, critic, z_dim, gp_weight
        self.opt_g = torch.optim.Adam(gen.parameters(), lr=1e-4, betas=(0.0, 0.9))
        self.opt_d = torch.optim.Adam(critic.parameters(), lr=1e-4, betas=(0.0, 0.9))

    def critic_step(self, real):
        fake = self.gen(torch.randn(real.shape[0], self.z_dim))
        d_real = self.critic(real).mean()
        d_fake = self.critic(fake.detach()).mean()
        gp = gradient_penalty(self.critic, real, fake)  # L
        loss = d_fake - d_real + self.gp_weight * gp
        self.opt_d.zero_grad()
        loss.backward()
        self.opt_d.step()
        return loss.item()

    def generator_step(self, n):
        self.critic.requires_grad_(False)
        loss = -self.critic(self.gen(torch.randn(n, self.z_dim))).mean()
        self.opt_g.zero_grad()
        loss.backward()
        self.opt_g.step()
        self.critic.requires_grad_(True)
        return loss.item()
