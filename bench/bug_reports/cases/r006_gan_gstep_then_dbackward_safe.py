# Source: https://github.com/chojw/genb/issues/6
# Safe twin: the reporter's fix -- backward the generator loss, do not step yet;
# step it after the discriminator loss has been backpropagated.
import torch
import torch.nn as nn
import torch.nn.functional as F


def run():
    genb = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
    disc = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
    optim_G = torch.optim.Adam(genb.parameters(), lr=1e-3)
    optim_D = torch.optim.Adam(disc.parameters(), lr=1e-3)
    v = torch.randn(4, 6)
    a = torch.rand(4, 3)
    for it in range(2):
        optim_G.zero_grad()
        pred_g = genb(v)
        g_loss = F.binary_cross_entropy_with_logits(pred_g, a)
        g_loss.backward(retain_graph=True)
        optim_D.zero_grad()
        d_loss = F.binary_cross_entropy_with_logits(disc(torch.sigmoid(pred_g)), torch.ones(4, 1))
        d_loss.backward()
        optim_G.step()
        optim_D.step()


if __name__ == "__main__":
    run()
