import torch
import torch.nn.functional as F

from models import Discriminator, Generator


def step(G, D, opt_g, opt_d, real, z_dim=4):
    fake = G(torch.randn(real.size(0), z_dim))
    logits_fake = D(fake)
    d_loss = F.binary_cross_entropy_with_logits(D(real), torch.ones(real.size(0), 1)) + \
        F.binary_cross_entropy_with_logits(logits_fake, torch.zeros(real.size(0), 1))
    opt_d.zero_grad()
    d_loss.backward(retain_graph=True)
    opt_d.step()  # L
    g_loss = F.binary_cross_entropy_with_logits(logits_fake, torch.ones(real.size(0), 1))
    opt_g.zero_grad()
    g_loss.backward()
    opt_g.step()


def main():
    torch.manual_seed(0)
    G, D = Generator(), Discriminator()
    opt_g = torch.optim.Adam(G.parameters(), 2e-4)
    opt_d = torch.optim.Adam(D.parameters(), 2e-4)
    step(G, D, opt_g, opt_d, torch.randn(8, 6))


if __name__ == "__main__":
    main()
