import torch
import torch.nn as nn

from constraints import clip_weights_


def main():
    torch.manual_seed(0)
    critic = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    opt = torch.optim.RMSprop(critic.parameters(), lr=5e-5)
    for _ in range(2):
        loss = critic(torch.randn(5, 4)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        clip_weights_(critic)  # L


if __name__ == "__main__":
    main()
