# Source: https://github.com/pytorch/pytorch/issues/39141
# Safe twin: the fix from the thread -- compute both backward passes before
# either optimizer steps (G's gradients taken first, then D's).
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
        G_loss = torch.mean(torch.log(1.0 - prob_artist1))
        opt_G.zero_grad()
        G_loss.backward(retain_graph=True)
        prob_artist0 = D(artist)
        prob_artist1 = D(paintings.detach())
        D_loss = -torch.mean(torch.log(prob_artist0) + torch.log(1.0 - prob_artist1))
        opt_D.zero_grad()
        D_loss.backward()
        opt_G.step()
        opt_D.step()


if __name__ == "__main__":
    run()
