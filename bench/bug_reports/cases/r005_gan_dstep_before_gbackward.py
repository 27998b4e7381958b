# Source: https://github.com/pytorch/pytorch/issues/39141
# (fix merged in https://github.com/MorvanZhou/PyTorch-Tutorial/pull/91)
# Report: a small GAN fitting sin(x). D's loss is backpropagated with
# retain_graph=True and opt_D.step() runs; then G's loss, built from the same
# D forward, is backpropagated: D's weights were saved by that forward and have
# been updated in place -> "output 0 of TBackward ... is at version 2".
import torch
import torch.nn as nn

N_IDEAS, ART = 5, 15


def run():
    G = nn.Sequential(nn.Linear(N_IDEAS, 16), nn.ReLU(), nn.Linear(16, ART))
    D = nn.Sequential(nn.Linear(ART, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())
    opt_D = torch.optim.Adam(D.parameters(), lr=1e-4)
    opt_G = torch.optim.Adam(G.parameters(), lr=1e-4)
    for step in range(2):
        artist = torch.sin(torch.linspace(-1, 1, ART)).repeat(4, 1)
        ideas = torch.randn(4, N_IDEAS)
        paintings = G(ideas)
        prob_artist0 = D(artist)
        prob_artist1 = D(paintings)
        D_loss = -torch.mean(torch.log(prob_artist0) + torch.log(1.0 - prob_artist1))
        G_loss = torch.mean(torch.log(1.0 - prob_artist1))
        opt_D.zero_grad()
        D_loss.backward(retain_graph=True)
        opt_D.step()  # hazard
        opt_G.zero_grad()
        G_loss.backward()
        opt_G.step()


if __name__ == "__main__":
    run()
