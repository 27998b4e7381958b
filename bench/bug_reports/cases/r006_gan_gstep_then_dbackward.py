# Source: https://github.com/chojw/genb/issues/6
# Report: in the loop, the generator-side loss is backpropagated and optim_G
# steps; then the discriminator loss, whose graph goes through the generator
# output (and the generator's weights saved by its forward), is backpropagated:
# "output 0 of TBackward ... is at version 3; expected version 2". The
# reporter's fix: backward G's loss but step only after D's backward.
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
        optim_G.step()  # hazard
        optim_D.zero_grad()
        d_loss = F.binary_cross_entropy_with_logits(disc(torch.sigmoid(pred_g)), torch.ones(4, 1))
        d_loss.backward()
        optim_D.step()


if __name__ == "__main__":
    run()
