"""Model-based value expansion (Feinberg et al. 2018): a learned latent model imagines a short
horizon, its reward head predicts in symlog space (DreamerV3) and is decoded with symexp,
and the n-step return is accumulated in place, backwards over the horizon, into the predicted
rewards themselves. The actor is trained by backpropagating through the imagined returns."""
import torch
import torch.nn as nn

HORIZON, GAMMA = 4, 0.95


def symexp(x):
    return torch.sign(x) * (torch.exp(torch.abs(x)) - 1)


class LatentModel(nn.Module):
    def __init__(self, z_dim=6, a_dim=2):
        super().__init__()
        self.step = nn.Sequential(nn.Linear(z_dim + a_dim, 16), nn.ELU(), nn.Linear(16, z_dim))
        self.reward = nn.Linear(z_dim, 1)

    def forward(self, z, a):
        return z + self.step(torch.cat([z, a], -1))

    def predict_rewards(self, zs):
        return symexp(self.reward(zs)).squeeze(-1)


def imagine(model, actor, z):
    """Latent states of the imagined horizon (B x H x z), rewards read off all of them at once."""
    states = []
    for _ in range(HORIZON):
        z = model(z, actor(z))
        states.append(z)
    return torch.stack(states, 1)


def n_step_return_(rewards, bootstrap):
    """Discounted return of every prefix, written over `rewards` (B x H) to spare a buffer."""
    rewards[:, -1] += GAMMA * bootstrap  # L
    for t in range(rewards.shape[1] - 2, -1, -1):
        rewards[:, t] += GAMMA * rewards[:, t + 1]  # L
    return rewards


def run():
    torch.manual_seed(0)
    model, critic = LatentModel(), nn.Linear(6, 1)
    actor = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 2), nn.Tanh())
    opt = torch.optim.Adam(actor.parameters(), lr=3e-4)
    for _ in range(2):
        z0 = torch.randn(8, 6)
        states = imagine(model, actor, z0)
        rewards = model.predict_rewards(states)
        returns = n_step_return_(rewards, critic(states[:, -1]).squeeze(-1))  # L
        loss = -returns[:, 0].mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
